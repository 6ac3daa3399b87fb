package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/** {@code gatehouse.retention.*}: how long housekeeping keeps what requests wrote; checked at start. */
@Context
@ConfigurationProperties("gatehouse.retention")
public class RetentionConfiguration {

    private Duration securityEvents = Duration.ofDays(90);

    @PostConstruct
    void check() {
        if (securityEvents.compareTo(Duration.ofHours(1)) < 0) {
            throw new ConfigurationException("gatehouse.retention.security-events must be at least 1h (such as 90d), not " + securityEvents);
        }
    }

    public Duration getSecurityEvents() {
        return securityEvents;
    }

    public void setSecurityEvents(Duration securityEvents) {
        this.securityEvents = securityEvents;
    }
}
