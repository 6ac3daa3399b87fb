package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.throttle.AdmissionRule;
import dev.gatehouse.domain.throttle.AttemptCount;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Instant;

/**
 * The per-account counters behind sign-in throttling, shared by every service instance (so kept in the
 * store, not in memory); the rules are {@link dev.gatehouse.domain.throttle.SignInThrottlePolicy}'s.
 * Accounts are keyed by pseudonym: the store never learns which e-mail was tried.
 */
public interface SignInAttempts {

    /**
     * Applies {@code rule} to one attempt in a single atomic step, serialised with every concurrent
     * attempt on the account: refuses without counting when the account is locked at {@code rule.at()} or
     * its budget window already holds {@code rule.budget()} attempts; otherwise counts the attempt in the
     * run and in the budget window and, from the {@code rule.lockingAttempt()}-th attempt of the run on,
     * locks the account until {@link AdmissionRule#holdFor rule.holdFor}(its place in the run) in the same step.
     */
    AttemptCount countAttempt(EmailPseudonym account, AdmissionRule rule);

    /**
     * Ends the account's run and lifts any lock after a successful sign-in, and refunds the attempt from
     * the budget window starting at {@code budgetWindowStart} (when that window is still the current one).
     */
    void recordSuccess(EmailPseudonym account, Instant budgetWindowStart);

    /** Forgets everything counted about the account (it was deleted). */
    void forget(EmailPseudonym account);

    /** Forgets at most {@code limit} accounts whose last attempt and lock are both older than {@code before}; returns how many. */
    int forgetStale(Instant before, int limit);
}
