package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.user.EmailPseudonym;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;

/** The audit trail of security events. */
public interface SecurityEvents {

    void record(SecurityEvent event);

    /**
     * Strips the client address and the attempted e-mail's pseudonym from the events of a deleted account
     * (its user id, or the pseudonym of its address): what stays names the account by its bare id.
     */
    void forgetOriginsOf(UserId user, EmailPseudonym email);

    /** Deletes at most {@code limit} events that occurred before {@code before} (retention); returns how many. */
    int forgetBefore(Instant before, int limit);
}
