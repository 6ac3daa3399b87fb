package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshToken;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored sessions. Implementations must be correct when several service instances share one store:
 * {@link #advance} is a compare-and-set in the store, never a lock in one process.
 */
public interface RefreshTokenFamilies {

    void add(RefreshTokenFamily family);

    Optional<RefreshTokenFamily> find(FamilyId id);

    /**
     * Rotates atomically (compare-and-set): if the family of {@code current} is active, belongs to
     * {@code client}, is at generation {@code current.generation()} and has not expired at {@code now},
     * moves it to the next generation with {@code rotatedAt = now} and an idle expiry of
     * {@code idleExpiresAt} (capped by the absolute expiry), and returns it. Otherwise changes nothing and
     * returns empty: of many concurrent calls with the same token, exactly one succeeds.
     */
    Optional<RefreshTokenFamily> advance(RefreshToken current, ClientId client, Instant now, Instant idleExpiresAt);

    /** Revokes the family unless it is revoked already (then its first reason stays). Idempotent. */
    void revoke(FamilyId id, RevocationReason reason, Instant now);

    /** Revokes every still-active family of the user; returns how many it revoked. */
    int revokeAllOf(UserId user, RevocationReason reason, Instant now);

    /** The user's families that are active (not revoked, not expired) at {@code now}, newest first. */
    List<RefreshTokenFamily> activeOf(UserId user, Instant now);

    /**
     * Deletes at most {@code limit} families that ended (revoked or expired) before {@code endedBefore};
     * returns how many it deleted.
     */
    int purgeEndedBefore(Instant endedBefore, int limit);
}
