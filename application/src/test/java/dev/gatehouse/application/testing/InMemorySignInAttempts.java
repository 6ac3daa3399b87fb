package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.throttle.AdmissionRule;
import dev.gatehouse.domain.throttle.AttemptCount;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The {@link SignInAttempts} contract in memory; every method is one step under the fake's lock. */
public final class InMemorySignInAttempts implements SignInAttempts {

    private final Map<EmailPseudonym, Row> rows = new HashMap<>();

    @Override
    public synchronized AttemptCount countAttempt(EmailPseudonym account, AdmissionRule rule) {
        Row row = rows.get(account);
        // an attempt dated in an earlier window than the stored one counts in the stored window (the store's GREATEST)
        boolean sameWindow = row != null && !rule.budgetWindowStart().isAfter(row.windowStart);
        if (row != null && row.lockedUntil != null && row.lockedUntil.isAfter(rule.at())) {
            return new AttemptCount.Refused(row.lockedUntil, sameWindow && row.windowAttempts >= rule.budget());
        }
        if (sameWindow && row.windowAttempts >= rule.budget()) {
            return new AttemptCount.Refused(row.lockedUntil, true);
        }
        int inRun = row == null ? 1 : row.attempts + 1;
        int inWindow = sameWindow ? row.windowAttempts + 1 : 1;
        Instant lock = inRun >= rule.lockingAttempt() ? rule.holdFor(inRun) : row == null ? null : row.lockedUntil;
        rows.put(account, new Row(inRun, rule.at(), lock, sameWindow ? row.windowStart : rule.budgetWindowStart(), inWindow));
        return new AttemptCount.Counted(inRun, inWindow);
    }

    @Override
    public synchronized void recordSuccess(EmailPseudonym account, Instant budgetWindowStart) {
        rows.computeIfPresent(account, (key, row) -> new Row(0, row.lastAttempt, null, row.windowStart,
                !budgetWindowStart.isAfter(row.windowStart) ? Math.max(0, row.windowAttempts - 1) : row.windowAttempts));
    }

    @Override
    public synchronized void forget(EmailPseudonym account) {
        rows.remove(account);
    }

    /** Whether anything is counted about the account. */
    public synchronized boolean counts(EmailPseudonym account) {
        return rows.containsKey(account);
    }

    @Override
    public synchronized int forgetStale(Instant before, int limit) {
        var stale = rows.entrySet().stream()
                .filter(e -> e.getValue().lastAttempt.isBefore(before)
                        && (e.getValue().lockedUntil == null || e.getValue().lockedUntil.isBefore(before)))
                .map(Map.Entry::getKey).limit(limit).toList();
        stale.forEach(rows::remove);
        return stale.size();
    }

    private record Row(int attempts, Instant lastAttempt, Instant lockedUntil, Instant windowStart, int windowAttempts) {
    }
}
