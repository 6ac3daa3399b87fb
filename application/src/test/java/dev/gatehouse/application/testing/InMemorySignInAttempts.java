package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemorySignInAttempts implements SignInAttempts {

    private final Map<String, Instant> windows = new HashMap<>();
    private final Map<String, Integer> requests = new HashMap<>();
    private final Map<EmailAddress, Integer> failures = new HashMap<>();
    private final Map<EmailAddress, Instant> locks = new HashMap<>();
    private final Map<EmailAddress, Instant> lastFailures = new HashMap<>();

    @Override
    public synchronized int countRequest(String clientAddress, Instant windowStart) {
        if (!windowStart.equals(windows.put(clientAddress, windowStart))) {
            requests.put(clientAddress, 0);
        }
        return requests.merge(clientAddress, 1, Integer::sum);
    }

    @Override
    public synchronized Optional<Instant> lockedUntil(EmailAddress account) {
        return Optional.ofNullable(locks.get(account));
    }

    @Override
    public synchronized int recordFailure(EmailAddress account, Instant now) {
        lastFailures.put(account, now);
        return failures.merge(account, 1, Integer::sum);
    }

    @Override
    public synchronized void lock(EmailAddress account, Instant until) {
        locks.put(account, until);
    }

    @Override
    public synchronized void clearFailures(EmailAddress account) {
        failures.remove(account);
        locks.remove(account);
        lastFailures.remove(account);
    }

    @Override
    public synchronized int forgetStale(Instant before, int limit) {
        var staleAddresses = windows.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey)
                .limit(limit).toList();
        staleAddresses.forEach(address -> {
            windows.remove(address);
            requests.remove(address);
        });
        var staleRuns = lastFailures.entrySet().stream()
                .filter(e -> e.getValue().isBefore(before) && locks.getOrDefault(e.getKey(), Instant.MIN).isBefore(before))
                .map(Map.Entry::getKey).limit(limit).toList();
        staleRuns.forEach(this::clearFailures);
        return Math.max(staleAddresses.size(), staleRuns.size());
    }
}
