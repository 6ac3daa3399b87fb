package dev.gatehouse.domain.throttle;

import java.time.Instant;
import java.util.Objects;

/**
 * The conditions of {@link SignInThrottlePolicy} that the shared store evaluates in one atomic step for
 * one sign-in attempt, so that concurrent attempts (on any instance) are counted one after the other:
 * refuse when the account is locked at {@code at} or its budget window holds {@code budget} attempts;
 * otherwise count the attempt, and when it is the {@code lockingAttempt}-th of its run or later, lock the
 * account until {@code holdUntil} in the same step.
 *
 * @param at                the attempt's instant
 * @param lockingAttempt    the first attempt of a run that locks
 * @param holdUntil         the lock a locking attempt sets before its password is checked
 * @param budgetWindowStart the start of the budget window {@code at} falls in
 * @param budget            attempts a budget window admits
 */
public record AdmissionRule(Instant at, int lockingAttempt, Instant holdUntil, Instant budgetWindowStart, int budget) {

    public AdmissionRule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(holdUntil, "holdUntil");
        Objects.requireNonNull(budgetWindowStart, "budgetWindowStart");
    }
}
