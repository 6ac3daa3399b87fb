package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.UserId;
import java.time.Instant;

/**
 * Counters behind the throttling of verification e-mails per account, in fixed windows
 * ({@link dev.gatehouse.domain.throttle.RateLimit}), shared by every service instance. One counter per account,
 * updated in place and removed with the account; each count is one atomic step, and a counter of an earlier
 * window starts over.
 */
public interface VerificationRequestCounts {

    /**
     * Counts a request of {@code user} in the window starting at {@code windowStart}; returns the count so far.
     *
     * @throws AccountDeletedException when the account is gone (deleted meanwhile)
     */
    int count(UserId user, Instant windowStart);
}
