package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Counters behind sign-in throttling, shared by every service instance (so kept in the store, not in
 * memory). The policy that reads them is {@link dev.gatehouse.domain.throttle.SignInThrottlePolicy}.
 */
public interface SignInAttempts {

    /** Counts one sign-in request from the address in the window starting at {@code windowStart}; returns the count so far. */
    int countRequest(String clientAddress, Instant windowStart);

    /** Until when the account is locked, if a lock was set. */
    Optional<Instant> lockedUntil(EmailAddress account);

    /** Counts one more consecutive failure of the account; returns the run's length so far. */
    int recordFailure(EmailAddress account, Instant now);

    /** Locks the account until {@code until}. */
    void lock(EmailAddress account, Instant until);

    /** Ends the account's run of failures and any lock. */
    void clearFailures(EmailAddress account);

    /**
     * Forgets at most {@code limit} counters untouched since {@code before}: address windows that started
     * before it, failure runs whose last failure and lock are both older. Returns how many it forgot.
     */
    int forgetStale(Instant before, int limit);
}
