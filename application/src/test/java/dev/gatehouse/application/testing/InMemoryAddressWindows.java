package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.domain.throttle.ClientNetwork;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryAddressWindows implements AddressWindows {

    private final Map<Key, Window> windows = new HashMap<>();

    @Override
    public synchronized int countRequest(Purpose purpose, ClientNetwork network, Instant windowEnd) {
        Window window = windows.merge(new Key(purpose, network), new Window(windowEnd, 1),
                (old, fresh) -> windowEnd.isAfter(old.end) ? fresh : new Window(old.end, old.requests + 1));
        return window.requests;
    }

    @Override
    public synchronized int forgetEnded(Instant now, int limit) {
        var ended = windows.entrySet().stream().filter(e -> !e.getValue().end.isAfter(now)).map(Map.Entry::getKey)
                .limit(limit).toList();
        ended.forEach(windows::remove);
        return ended.size();
    }

    public synchronized int size() {
        return windows.size();
    }

    private record Key(Purpose purpose, ClientNetwork network) {
    }

    private record Window(Instant end, int requests) {
    }
}
