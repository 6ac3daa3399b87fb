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

    /**
     * Stores a new family.
     *
     * @throws AccountDeletedException when its account is gone (deleted meanwhile)
     */
    void add(RefreshTokenFamily family);

    Optional<RefreshTokenFamily> find(FamilyId id);

    /**
     * Applies {@code rotation} atomically, as one compare-and-set in the store: a family that
     * {@link Rotation#admittedBy admits} it at that moment becomes {@link Rotation#applyTo} and is the
     * answer ({@link AdvanceResult.Advanced}); otherwise nothing changes ({@link AdvanceResult.NotAdvanced}).
     * Of many concurrent calls with the same token, on any number of instances, exactly one advances.
     */
    AdvanceResult advance(Rotation rotation);

    /**
     * Moves the rotation time of the family, if it is still active at {@code generation}, to {@code storedAt}
     * ({@link RefreshTokenFamily#rotationStoredAt}); a family that has moved on or ended is left as it is.
     */
    void restampRotation(FamilyId id, long generation, Instant storedAt);

    /**
     * Revokes the family unless it ended already (revoked: its first reason stays; expired at {@code now}:
     * its expiry stays). Idempotent; returns whether this call ended it, which of concurrent calls exactly
     * one does.
     */
    boolean revoke(FamilyId id, RevocationReason reason, Instant now);

    /** Revokes every live family of the user (active and not expired at {@code now}); returns how many it revoked. */
    int revokeAllOf(UserId user, RevocationReason reason, Instant now);

    /** As {@link #revokeAllOf}, except the family {@code kept}, which stays as it is. */
    int revokeAllOfExcept(UserId user, FamilyId kept, RevocationReason reason, Instant now);

    /** The user's families that are active (not revoked, not expired) at {@code now}, newest first. */
    List<RefreshTokenFamily> activeOf(UserId user, Instant now);

    /**
     * The user's families that ended (see {@link RefreshTokenFamily#endAt}) after {@code since} and up to
     * {@code now}, the most recently ended first.
     */
    List<RefreshTokenFamily> endedOf(UserId user, Instant since, Instant now);

    /** Deletes every family of the user. */
    void deleteAllOf(UserId user);

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
