package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/**
 * Both log configurations of the jar, with the root at {@code TRACE} (as {@code -Dlogger.levels.root=TRACE} sets
 * it): Micronaut's property resolver logs no value it resolved, and its other entries still pass.
 */
class ConfigurationValuesUnloggedTest {

    private static final String RESOLVER = "io.micronaut.context.DefaultApplicationContext$RuntimeConfiguredEnvironment";
    private static final String SECRET = "Pg-S3cret-pw-xyz";

    @ParameterizedTest
    @ValueSource(strings = {"logback.xml", "logback-json.xml"})
    void no_resolved_configuration_value_reaches_the_log_at_trace(String configuration) throws JoranException {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(configuration));
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.TRACE);
        var seen = new ListAppender<ILoggingEvent>();
        seen.setContext(context);
        seen.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);

        Logger resolver = context.getLogger(RESOLVER);
        resolver.trace("Resolved value [{}] for property: {}", SECRET, "datasources.default.password");
        resolver.trace("Resolved value [{}] cannot be converted to type [{}] for property: {}", SECRET, "int", "x");
        resolver.trace("Reading property sources");

        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("Reading property sources");
        context.stop();
    }
}
