package dev.gatehouse.domain.token;

import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session: the chain of refresh tokens that one sign-in started. Exactly one token of the family is
 * current, the one of generation {@link #generation()}; every refresh spends it and makes the next one
 * current (RFC 9700 §4.14.2, refresh token rotation; the rules are {@link Rotation}'s).
 *
 * <p>Invariants: {@code createdAt ≤ rotatedAt}, {@code idleExpiresAt ≤ absoluteExpiresAt}, the generation
 * never decreases, and a revoked family never becomes active again. The rotation time never goes back: an
 * instance whose clock is behind the one that signed in or rotated last (hosts' clocks differ by a little,
 * and an NTP step can move one back) keeps the time already stored.
 *
 * @param rotatedAt     when the current token was issued (the last refresh, or the sign-in)
 * @param idleExpiresAt when the session ends unless refreshed before; never after the absolute expiry
 * @param userAgent     the {@code User-Agent} of the sign-in, for the sessions list; may be empty
 */
public record RefreshTokenFamily(
        FamilyId id,
        UserId userId,
        ClientId clientId,
        long generation,
        FamilyState state,
        Instant createdAt,
        Instant rotatedAt,
        Instant idleExpiresAt,
        Instant absoluteExpiresAt,
        String userAgent) {

    /** User agents are kept for display only; longer ones are cut. */
    public static final int MAX_USER_AGENT_LENGTH = 256;

    public RefreshTokenFamily {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(userAgent, "userAgent");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative");
        }
        if (rotatedAt.isBefore(createdAt) || idleExpiresAt.isAfter(absoluteExpiresAt)) {
            throw new IllegalArgumentException("family instants out of order");
        }
    }

    /** Starts the session of a sign-in: generation 0, active, expiring by the policy. */
    public static RefreshTokenFamily start(
            FamilyId id, UserId userId, ClientId clientId, String userAgent, Instant now, TokenPolicy policy) {
        Instant absolute = now.plus(policy.absoluteTtl());
        return new RefreshTokenFamily(id, userId, clientId, 0, FamilyState.ACTIVE, now, now,
                earlier(policy.idleExpiryFrom(now), absolute), absolute, displayable(userAgent));
    }

    /** This family one generation on, as rotated at {@code now}; {@link Rotation#applyTo} is the public door. */
    RefreshTokenFamily advancedAt(Instant now, TokenPolicy policy) {
        return new RefreshTokenFamily(id, userId, clientId, generation + 1, state, createdAt, later(now, rotatedAt),
                earlier(policy.idleExpiryFrom(now), absoluteExpiresAt), absoluteExpiresAt, userAgent);
    }

    /**
     * This family with its current token's rotation time moved to {@code storedAt}: a rotation the store
     * applied well after it was asked for counts from when its successor existed (see the reuse grace).
     */
    public RefreshTokenFamily rotationStoredAt(Instant storedAt) {
        return new RefreshTokenFamily(id, userId, clientId, generation, state, createdAt, later(storedAt, rotatedAt), idleExpiresAt,
                absoluteExpiresAt, userAgent);
    }

    /**
     * This family revoked; a family that already ended (revoked, or expired at {@code now}) keeps its end.
     *
     * @throws IllegalArgumentException for an expiry reason: expiry follows from the instants
     */
    public RefreshTokenFamily revokedAt(Instant now, RevocationReason reason) {
        if (reason.isExpiry()) {
            throw new IllegalArgumentException("expiry is not a revocation: " + reason);
        }
        if (state instanceof FamilyState.Revoked || isExpiredAt(now)) {
            return this;
        }
        return new RefreshTokenFamily(id, userId, clientId, generation, new FamilyState.Revoked(reason, now),
                createdAt, rotatedAt, idleExpiresAt, absoluteExpiresAt, userAgent);
    }

    /** Whether the session is live: not revoked and not expired. Its access tokens count only then. */
    public boolean isActiveAt(Instant now) {
        return state instanceof FamilyState.Active && !isExpiredAt(now);
    }

    /** Whether this is a live session of {@code user}: what an access token naming it ({@code sid}, {@code sub}) needs. */
    public boolean isLiveSessionOf(UserId user, Instant now) {
        return userId.equals(user) && isActiveAt(now);
    }

    /**
     * How the session ended, as seen at {@code now}: its revocation or its expiry, whichever came first;
     * empty while it is live. Expiry at the absolute lifetime is {@code EXPIRED_ABSOLUTE}, else {@code EXPIRED_IDLE}.
     */
    public Optional<SessionEnd> endAt(Instant now) {
        Optional<SessionEnd> expiry = isExpiredAt(now)
                ? Optional.of(new SessionEnd(idleExpiresAt.equals(absoluteExpiresAt) ? RevocationReason.EXPIRED_ABSOLUTE
                        : RevocationReason.EXPIRED_IDLE, idleExpiresAt))
                : Optional.empty();
        if (state instanceof FamilyState.Revoked revoked && (expiry.isEmpty() || revoked.at().isBefore(idleExpiresAt))) {
            return Optional.of(new SessionEnd(revoked.reason(), revoked.at()));
        }
        return expiry;
    }

    /** Idle expiry reached, or the absolute one (which bounds the idle one). */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(idleExpiresAt);
    }

    /** When the session ends unless refreshed before: the idle expiry, capped by the absolute one. */
    public Instant expiresAt() {
        return idleExpiresAt;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String displayable(String userAgent) {
        if (userAgent == null) {
            return "";
        }
        String printable = userAgent.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .limit(MAX_USER_AGENT_LENGTH)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.strip();
    }
}
