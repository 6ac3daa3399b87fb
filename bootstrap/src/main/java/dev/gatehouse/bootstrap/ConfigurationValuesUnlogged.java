package dev.gatehouse.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps configuration values out of the log at every level: at {@code TRACE}, Micronaut's property resolver
 * writes each value it resolves ({@code Resolved value [...] for property: ...}), client secrets, the database
 * password, the refresh secrets and the private signing key included. Its entries are denied whatever level an
 * operator turns on; every other entry of that logger passes. Named in {@code logback.xml} and
 * {@code logback-json.xml}.
 */
public final class ConfigurationValuesUnlogged extends TurboFilter {

    private static final String RESOLVED_VALUE = "Resolved value [";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        return format != null && format.startsWith(RESOLVED_VALUE) && logger.getName().startsWith("io.micronaut.")
                ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
