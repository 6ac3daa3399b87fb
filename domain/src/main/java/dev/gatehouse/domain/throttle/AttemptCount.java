package dev.gatehouse.domain.throttle;

import java.time.Instant;

/** How the store answered an {@link AdmissionRule}: the attempt was counted, or refused without being counted. */
public sealed interface AttemptCount {

    /**
     * @param inRun    the attempt's number in the account's run (1 after a success)
     * @param inWindow the attempt's number in its budget window
     */
    record Counted(int inRun, int inWindow) implements AttemptCount {
    }

    /**
     * @param lockedUntil the account's lock, or {@code null} when it has none
     * @param budgetSpent whether the budget window was full
     */
    record Refused(Instant lockedUntil, boolean budgetSpent) implements AttemptCount {
    }
}
