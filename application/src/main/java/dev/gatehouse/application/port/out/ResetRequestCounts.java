package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Instant;

/**
 * Counters behind password-reset throttling per e-mail address, whether or not an account has it, in fixed
 * windows ({@link dev.gatehouse.domain.throttle.RateLimit}), shared by every service instance. Addresses are
 * keyed by pseudonym: the store never learns which address was asked for. Each count is one atomic step; a
 * counter of an earlier window starts over.
 */
public interface ResetRequestCounts {

    /** Counts a reset request for the address in the window starting at {@code windowStart}; returns the count so far. */
    int count(EmailPseudonym email, Instant windowStart);

    /** Forgets the counter of the address (its account was deleted). */
    void forget(EmailPseudonym email);

    /** Forgets at most {@code limit} counters whose window started before {@code before}; returns how many. */
    int forgetStale(Instant before, int limit);
}
