package dev.gatehouse.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Brute-force limits on sign-in (OWASP ASVS V6.3): an account is locked after a run of failed
 * sign-ins, for a back-off that doubles with every further failure; a client address may try only so
 * many sign-ins per minute. Accounts are keyed by the canonical email, so an unknown address is
 * throttled exactly like an existing one.
 *
 * @param failuresPerAccount     consecutive failures that lock an account (contract default 10)
 * @param requestsPerIpPerMinute sign-in requests one address may make per clock minute (default 60)
 * @param firstLock              the lock after the {@code failuresPerAccount}-th failure
 * @param longestLock            the back-off never grows past this
 */
public record SignInThrottlePolicy(int failuresPerAccount, int requestsPerIpPerMinute, Duration firstLock, Duration longestLock) {

    public SignInThrottlePolicy {
        if (failuresPerAccount < 1 || requestsPerIpPerMinute < 1) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(longestLock, "longestLock");
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("locks must be positive and longestLock >= firstLock");
        }
    }

    /** How long an account stays locked after its {@code consecutiveFailures}-th failure; zero below the limit. */
    public Duration lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < failuresPerAccount) {
            return Duration.ZERO;
        }
        int doublings = Math.min(consecutiveFailures - failuresPerAccount, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }

    /** The start of the per-address counting window that {@code now} falls in. */
    public Instant ipWindowStart(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** Whether the {@code requestsInWindow}-th request of a window is over the limit. */
    public boolean ipLimitExceeded(int requestsInWindow) {
        return requestsInWindow > requestsPerIpPerMinute;
    }

    /** How long a throttled address waits until its window ends. */
    public Duration ipRetryAfter(Instant now) {
        return Duration.between(now, ipWindowStart(now).plus(Duration.ofMinutes(1)));
    }
}
