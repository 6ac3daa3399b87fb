package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits password-reset requests per client address and per e-mail address, whether or not an account
 * has it (so a refusal reveals nothing), counted in the shared store before any other work. Only the
 * first refusal of a window is recorded as an event.
 */
public final class ResetThrottle {

    private final ResetRequestCounts counts;
    private final RateLimit perEmail;
    private final RateLimit perAddress;
    private final SecurityEvents events;

    public ResetThrottle(ResetRequestCounts counts, RateLimit perEmail, RateLimit perAddress, SecurityEvents events) {
        this.counts = counts;
        this.perEmail = perEmail;
        this.perAddress = perAddress;
        this.events = events;
    }

    /** Counts the request; how long it must wait when the client address or the e-mail address is over its limit. */
    Optional<Duration> admit(EmailAddress email, String clientAddress, Instant now) {
        int fromAddress = counts.countForAddress(clientAddress, perAddress.windowStart(now));
        if (perAddress.exceededBy(fromAddress)) {
            return refused(perAddress, fromAddress, now, "address_limit");
        }
        int forEmail = counts.countForEmail(email, perEmail.windowStart(now));
        if (perEmail.exceededBy(forEmail)) {
            return refused(perEmail, forEmail, now, "email_limit");
        }
        return Optional.empty();
    }

    private Optional<Duration> refused(RateLimit limit, int count, Instant now, String reason) {
        if (limit.firstExceededBy(count)) {
            events.record(new SecurityEvent(SecurityEventType.PASSWORD_RESET_THROTTLED, now, null, null, null, reason));
        }
        return Optional.of(limit.retryAfter(now));
    }
}
