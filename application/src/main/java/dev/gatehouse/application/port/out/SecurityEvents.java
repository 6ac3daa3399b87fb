package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.event.SecurityEvent;

/** The audit trail of security events. */
public interface SecurityEvents {

    void record(SecurityEvent event);
}
