package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryResetRequestCounts implements ResetRequestCounts {

    private final Map<EmailPseudonym, Instant> windows = new HashMap<>();
    private final Map<EmailPseudonym, Integer> counts = new HashMap<>();

    @Override
    public synchronized int count(EmailPseudonym email, Instant windowStart) {
        Instant stored = windows.get(email);
        if (stored == null || windowStart.isAfter(stored)) {
            windows.put(email, windowStart);
            counts.put(email, 0);
        }
        return counts.merge(email, 1, Integer::sum);
    }

    @Override
    public synchronized void forget(EmailPseudonym email) {
        windows.remove(email);
        counts.remove(email);
    }

    @Override
    public synchronized int forgetStale(Instant before, int limit) {
        var stale = windows.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey).limit(limit).toList();
        stale.forEach(this::forget);
        return stale.size();
    }

    /** Whether a counter for the address exists. */
    public synchronized boolean counts(EmailPseudonym email) {
        return windows.containsKey(email);
    }
}
