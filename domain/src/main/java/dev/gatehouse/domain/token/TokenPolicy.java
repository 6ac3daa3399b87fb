package dev.gatehouse.domain.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long tokens live.
 *
 * @param accessTtl   lifetime of an access token (default 15 minutes)
 * @param idleTtl     a session ends when it has not been refreshed for this long (sliding, default 7 days); longer
 *                    than {@code accessTtl}, or a session used without pause would still end
 * @param absoluteTtl a session ends this long after sign-in, however active (default 30 days)
 * @param reuseGrace  a just-spent refresh token still yields the same successor for this long, so that
 *                    racing browser tabs do not trip reuse detection (default 10 seconds)
 */
public record TokenPolicy(Duration accessTtl, Duration idleTtl, Duration absoluteTtl, Duration reuseGrace) {

    /**
     * The longest lifetime of anything: ten years. Far beyond any sensible session, and far inside what an
     * {@link Instant} and the database's timestamps hold (a lifetime of millions of years was accepted, and every
     * sign-in then failed on its expiry time).
     */
    public static final Duration LONGEST = Duration.ofDays(3650);

    public TokenPolicy {
        requireLifetime(accessTtl, "accessTtl");
        requireLifetime(idleTtl, "idleTtl");
        requireLifetime(absoluteTtl, "absoluteTtl");
        Objects.requireNonNull(reuseGrace, "reuseGrace");
        if (reuseGrace.isNegative() || reuseGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("reuseGrace must be between 0 and 1 minute");
        }
        if (idleTtl.compareTo(absoluteTtl) > 0) {
            throw new IllegalArgumentException("idleTtl must not exceed absoluteTtl");
        }
        if (idleTtl.compareTo(accessTtl) <= 0) {
            throw new IllegalArgumentException("idleTtl must be longer than accessTtl: a client that refreshes when its access "
                    + "token expires (the /bff proxy does) would find its session ended by then");
        }
    }

    /** The defaults of the API contract: 15 min, 7 d, 30 d, 10 s. */
    public static TokenPolicy defaults() {
        return new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10));
    }

    /** When a session refreshed at {@code now} ends if it is not refreshed again. */
    public Instant idleExpiryFrom(Instant now) {
        return now.plus(idleTtl);
    }

    private static void requireLifetime(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        if (duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(name + " must be at most " + LONGEST.toDays() + " days");
        }
    }
}
