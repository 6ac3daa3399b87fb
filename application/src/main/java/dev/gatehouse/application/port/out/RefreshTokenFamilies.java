package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
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
     * Applies {@code rotation} atomically, as one compare-and-set in the store: a family that
     * {@link Rotation#admittedBy admits} it at that moment becomes {@link Rotation#applyTo} and is the
     * answer ({@link AdvanceResult.Advanced}); otherwise nothing changes ({@link AdvanceResult.NotAdvanced}).
     * Of many concurrent calls with the same token, on any number of instances, exactly one advances.
     */
    AdvanceResult advance(Rotation rotation);

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

    /** What {@link #advance} did. */
    sealed interface AdvanceResult {

        /** The family admitted the rotation and is now {@code family}, one generation on. */
        record Advanced(RefreshTokenFamily family) implements AdvanceResult {
        }

        /** Nothing changed: no stored family admitted the rotation. */
        record NotAdvanced() implements AdvanceResult {
        }
    }
}
