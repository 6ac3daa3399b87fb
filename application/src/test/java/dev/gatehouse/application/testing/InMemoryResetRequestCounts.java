package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryResetRequestCounts implements ResetRequestCounts {

    private final Map<String, Instant> windows = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    @Override
    public synchronized int countForEmail(EmailAddress email, Instant windowStart) {
        return count("email:" + email.value(), windowStart);
    }

    @Override
    public synchronized int countForAddress(String clientAddress, Instant windowStart) {
        return count("address:" + clientAddress, windowStart);
    }

    private int count(String subject, Instant windowStart) {
        if (!windowStart.equals(windows.put(subject, windowStart))) {
            counts.put(subject, 0);
        }
        return counts.merge(subject, 1, Integer::sum);
    }

    @Override
    public synchronized void forgetEmail(EmailAddress email) {
        windows.remove("email:" + email.value());
        counts.remove("email:" + email.value());
    }

    @Override
    public synchronized int forgetStale(Instant before, int limit) {
        var stale = windows.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey).limit(limit).toList();
        stale.forEach(subject -> {
            windows.remove(subject);
            counts.remove(subject);
        });
        return stale.size();
    }

    /** Whether a counter for {@code email} exists. */
    public synchronized boolean counts(EmailAddress email) {
        return windows.containsKey("email:" + email.value());
    }
}
