package dev.gatehouse.application.service;

import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.ClientNetwork;
import dev.gatehouse.domain.throttle.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@link RateLimit} per {@link ClientNetwork} on one kind of request, counted in the shared store before
 * any other work. Only the first refused request of a window is recorded (one {@code refusedEvent}); the
 * rest of the window's refusals write nothing, so a flood from one network costs one counter and one
 * event per window, whatever its size.
 */
public final class AddressThrottle {

    private final AddressWindows windows;
    private final AddressWindows.Purpose purpose;
    private final RateLimit limit;
    private final SecurityEvents events;
    private final SecurityEventType refusedEvent;

    public AddressThrottle(AddressWindows windows, AddressWindows.Purpose purpose, RateLimit limit, SecurityEvents events,
            SecurityEventType refusedEvent) {
        this.windows = windows;
        this.purpose = purpose;
        this.limit = limit;
        this.events = events;
        this.refusedEvent = refusedEvent;
    }

    /** Counts a request from {@code clientAddress}; how long it must wait when its network is over the limit. */
    public Optional<Duration> admit(String clientAddress, Instant now) {
        int count = windows.countRequest(purpose, ClientNetwork.of(clientAddress), limit.windowEnd(now));
        if (!limit.exceededBy(count)) {
            return Optional.empty();
        }
        if (limit.firstExceededBy(count)) {
            events.record(new SecurityEvent(refusedEvent, now, null, null, null, "address_limit", clientAddress, null));
        }
        return Optional.of(limit.retryAfter(now));
    }
}
