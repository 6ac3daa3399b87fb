package dev.gatehouse.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * At most {@code limit} requests per fixed window of length {@code window}. Windows are aligned to the
 * epoch (a one-minute window is a UTC clock minute, a one-hour window a clock hour), so every instance
 * of the service counts in the same windows without talking to the others.
 *
 * @param limit  requests allowed per window, at least 1
 * @param window the window's length, a positive whole number of milliseconds
 */
public record RateLimit(int limit, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit's window must be positive, not " + window);
        }
    }

    /** The start of the window that {@code now} falls in. */
    public Instant windowStart(Instant now) {
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, window.toMillis()));
    }

    /** The end (exclusive) of the window that {@code now} falls in. */
    public Instant windowEnd(Instant now) {
        return windowStart(now).plus(window);
    }

    /** Whether the {@code countInWindow}-th request of a window is over the limit. */
    public boolean exceededBy(int countInWindow) {
        return countInWindow > limit;
    }

    /** Whether the {@code countInWindow}-th request is the first one of its window over the limit. */
    public boolean firstExceededBy(int countInWindow) {
        return countInWindow == limit + 1;
    }

    /** How long a refused caller waits until the window ends. */
    public Duration retryAfter(Instant now) {
        return Duration.between(now, windowEnd(now));
    }
}
