package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.event.SecurityEvent;
import java.time.Instant;

/** The audit trail of security events. */
public interface SecurityEvents {

    void record(SecurityEvent event);

    /** Deletes at most {@code limit} events that occurred before {@code before} (retention); returns how many. */
    int forgetBefore(Instant before, int limit);
}
