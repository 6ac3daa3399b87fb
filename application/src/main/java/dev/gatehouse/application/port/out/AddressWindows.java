package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.throttle.ClientNetwork;
import java.time.Instant;

/**
 * Request counters per client network and purpose in fixed windows ({@link dev.gatehouse.domain.throttle.RateLimit}),
 * shared by every service instance. One counter per network and purpose: a flood from one network costs
 * one row, however many requests it sends.
 */
public interface AddressWindows {

    /** What the counted requests are for; each purpose has its own limit. */
    enum Purpose {
        SIGN_IN,
        REGISTRATION,
        PASSWORD_RESET
    }

    /**
     * Counts one request in the window that ends at {@code windowEnd}, in one atomic step (a counter of an
     * earlier window starts over); returns the request's number in the window.
     */
    int countRequest(Purpose purpose, ClientNetwork network, Instant windowEnd);

    /** Forgets at most {@code limit} counters whose window ended at or before {@code now}; returns how many. */
    int forgetEnded(Instant now, int limit);
}
