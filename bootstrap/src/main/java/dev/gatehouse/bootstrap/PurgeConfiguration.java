package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gatehouse.purge.interval}: how often {@link SessionPurgeJob} runs (default 10 minutes), checked at
 * start. The scheduler reads the same key, but only after the start, on its own thread: an unusable value there
 * would leave a service that reports nothing and stops.
 */
@Context
@ConfigurationProperties("gatehouse.purge")
public class PurgeConfiguration {

    private Duration interval = Duration.ofMinutes(10);

    @PostConstruct
    void check() {
        if (interval.isNegative() || interval.isZero()) {
            throw new ConfigurationException("gatehouse.purge.interval must be a positive duration (such as 10m), not " + interval);
        }
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }
}
