package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;

/**
 * Counters behind password-reset throttling, per e-mail address (whether or not an account has it) and
 * per client address, in fixed windows ({@link dev.gatehouse.domain.throttle.RateLimit}), shared by every
 * service instance. Each count is one atomic step; a counter of an earlier window starts over.
 */
public interface ResetRequestCounts {

    /** Counts a reset request for {@code email} in the window starting at {@code windowStart}; returns the count so far. */
    int countForEmail(EmailAddress email, Instant windowStart);

    /** Counts a reset request from {@code clientAddress} in the window starting at {@code windowStart}; returns the count so far. */
    int countForAddress(String clientAddress, Instant windowStart);

    /** Forgets the counter of {@code email} (its account was deleted). */
    void forgetEmail(EmailAddress email);

    /** Forgets at most {@code limit} counters whose window started before {@code before}; returns how many. */
    int forgetStale(Instant before, int limit);
}
