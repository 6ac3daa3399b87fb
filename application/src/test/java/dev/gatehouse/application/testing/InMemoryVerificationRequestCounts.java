package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Counters in a map; a counter needs its account, as the store's foreign key does. */
public final class InMemoryVerificationRequestCounts implements VerificationRequestCounts {

    private record Window(Instant start, int requests) {
    }

    private final InMemoryUserAccounts accounts;
    private final Map<UserId, Window> windows = new HashMap<>();

    public InMemoryVerificationRequestCounts(InMemoryUserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized int count(UserId user, Instant windowStart) {
        if (accounts.findById(user).isEmpty()) {
            throw new AccountDeletedException();
        }
        Window window = windows.merge(user, new Window(windowStart, 1),
                (old, fresh) -> windowStart.isAfter(old.start()) ? fresh : new Window(old.start(), old.requests() + 1));
        return window.requests();
    }
}
