package dev.gatehouse.domain.throttle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The conditions of {@link SignInThrottlePolicy} that the shared store evaluates in one atomic step for
 * one sign-in attempt, so that concurrent attempts (on any instance) are counted one after the other:
 * refuse when the account is locked at {@code at} or its budget window holds {@code budget} attempts;
 * otherwise count the attempt, and when it is the {@code lockingAttempt}-th of its run or later, lock the
 * account in the same step, before its password is checked, until {@link #holdFor} of its place in the run:
 * the lock its failure earns, so that an attempt refused meanwhile is told how long the lock will last.
 *
 * @param at                the attempt's instant
 * @param lockingAttempt    the first attempt of a run that locks
 * @param holds             the lock of the {@code lockingAttempt}-th attempt of a run, of the next one, and so on;
 *                          the last one holds for every later attempt
 * @param budgetWindowStart the start of the budget window {@code at} falls in
 * @param budget            attempts a budget window admits
 */
public record AdmissionRule(Instant at, int lockingAttempt, List<Instant> holds, Instant budgetWindowStart, int budget) {

    public AdmissionRule {
        Objects.requireNonNull(at, "at");
        holds = List.copyOf(holds);
        if (holds.isEmpty()) {
            throw new IllegalArgumentException("a rule needs the hold of its locking attempt");
        }
        Objects.requireNonNull(budgetWindowStart, "budgetWindowStart");
    }

    /** Until when the {@code attemptInRun}-th attempt of a run, a locking one, holds the account. */
    public Instant holdFor(int attemptInRun) {
        if (attemptInRun < lockingAttempt) {
            throw new IllegalArgumentException("attempt " + attemptInRun + " does not lock");
        }
        return holds.get(Math.min(attemptInRun - lockingAttempt, holds.size() - 1));
    }
}
