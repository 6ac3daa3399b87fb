package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.service.AddressThrottle;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Limits password-reset requests per client network ({@link AddressThrottle}) and per e-mail address,
 * whether or not an account has it (so a refusal reveals nothing), counted in the shared store before any
 * other work. Addresses are counted by pseudonym; only the first refusal of a window is recorded.
 */
public final class ResetThrottle {

    private final AddressThrottle addresses;
    private final ResetRequestCounts counts;
    private final EmailPseudonyms pseudonyms;
    private final RateLimit perEmail;
    private final SecurityEvents events;

    public ResetThrottle(AddressThrottle addresses, ResetRequestCounts counts, EmailPseudonyms pseudonyms, RateLimit perEmail,
            SecurityEvents events) {
        this.addresses = addresses;
        this.counts = counts;
        this.pseudonyms = pseudonyms;
        this.perEmail = perEmail;
        this.events = events;
    }

    /**
     * Counts the request; how long it must wait when the client network or the e-mail address is over its limit.
     * A request for no e-mail address (text that is none) counts against its network only.
     */
    Optional<Duration> admit(Optional<EmailAddress> email, String clientAddress, Instant now) {
        Optional<Duration> fromAddress = addresses.admit(clientAddress, now);
        if (fromAddress.isPresent() || email.isEmpty()) {
            return fromAddress;
        }
        EmailPseudonym pseudonym = pseudonyms.of(email.get());
        int forEmail = counts.count(pseudonym, perEmail.windowStart(now));
        if (!perEmail.exceededBy(forEmail)) {
            return Optional.empty();
        }
        if (perEmail.firstExceededBy(forEmail)) {
            events.record(new SecurityEvent(SecurityEventType.PASSWORD_RESET_THROTTLED, now, null, null, null, "email_limit",
                    clientAddress, pseudonym));
        }
        return Optional.of(perEmail.retryAfter(now));
    }
}
