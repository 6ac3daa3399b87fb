package dev.gatehouse.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Brute-force limits on the sign-ins of one account, wherever they come from (OWASP ASVS V6.3). Every
 * attempt is counted before its password is checked, so concurrency buys an attacker nothing:
 * <ul>
 *   <li>a <em>run</em> counts the attempts since the account's last successful sign-in; the
 *       {@code failuresPerAccount}-th attempt of a run, and every one after it, locks the account at
 *       once, before its hash, for {@link #lockAfter(int)}: {@code firstLock}, doubling per further
 *       attempt up to {@code longestLock}; a success lifts the lock. So the limit is reached by
 *       {@code failuresPerAccount} attempts however many arrive together, each lock expiry admits exactly
 *       one guess, and the attempts refused meanwhile learn how long the lock lasts if it fails;</li>
 *   <li>a <em>budget</em> of {@code failuresPerAccountPerMinute} attempts per clock minute that a
 *       success refunds but does not reset, so that sign-ins of the owner, which end the run, do not
 *       open the account to more guesses.</li>
 * </ul>
 * While locked or out of budget, the account answers the same throttle to the right password. Accounts
 * are keyed by their e-mail's pseudonym, so an unknown address is throttled exactly like an existing one.
 *
 * @param failuresPerAccount         attempts of a run that lock the account (contract default 10)
 * @param failuresPerAccountPerMinute failed (or still unfinished) attempts per account and clock minute
 * @param firstLock                  the lock set by the {@code failuresPerAccount}-th attempt
 * @param longestLock                the back-off never grows past this
 */
public record SignInThrottlePolicy(int failuresPerAccount, int failuresPerAccountPerMinute, Duration firstLock,
        Duration longestLock) {

    private static final Duration SHORTEST_RETRY = Duration.ofSeconds(1);

    public SignInThrottlePolicy {
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(longestLock, "longestLock");
        if (failuresPerAccount < 1 || failuresPerAccountPerMinute < 1) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("locks must be positive and longestLock >= firstLock");
        }
    }

    /** The per-minute budget as a rate limit. */
    public RateLimit budget() {
        return new RateLimit(failuresPerAccountPerMinute, Duration.ofMinutes(1));
    }

    /**
     * What the store checks and changes in one atomic step for an attempt at {@code now}: its holds are the
     * back-offs of {@link #lockAfter}, from the first lock to the longest.
     */
    public AdmissionRule admissionAt(Instant now) {
        List<Instant> holds = new ArrayList<>();
        Duration lock = lockAfter(failuresPerAccount);
        holds.add(now.plus(lock));
        for (int attempt = failuresPerAccount + 1; !lockAfter(attempt).equals(lock); attempt++) {
            lock = lockAfter(attempt);
            holds.add(now.plus(lock));
        }
        return new AdmissionRule(now, failuresPerAccount, holds, budget().windowStart(now), failuresPerAccountPerMinute);
    }

    /** Whether the {@code attemptInRun}-th attempt locks the account. */
    public boolean locks(int attemptInRun) {
        return attemptInRun >= failuresPerAccount;
    }

    /** How long an account stays locked after its {@code attemptInRun}-th attempt failed; zero below the limit. */
    public Duration lockAfter(int attemptInRun) {
        if (!locks(attemptInRun)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attemptInRun - failuresPerAccount, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }

    /** How long a refused attempt waits before one can be admitted again; never under a second. */
    public Duration retryAfter(AttemptCount.Refused refused, Instant now) {
        Duration wait = Duration.ZERO;
        if (refused.lockedUntil() != null && refused.lockedUntil().isAfter(now)) {
            wait = Duration.between(now, refused.lockedUntil());
        }
        if (refused.budgetSpent()) {
            wait = max(wait, budget().retryAfter(now));
        }
        return max(wait, SHORTEST_RETRY);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
