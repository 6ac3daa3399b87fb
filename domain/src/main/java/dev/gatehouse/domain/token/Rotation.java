package dev.gatehouse.domain.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refresh with rotation (RFC 6749 §6, RFC 9700 §4.14.2): the authentic token {@code presented} by
 * {@code client} at {@code at}.
 *
 * <p>The store applies a rotation as one compare-and-set, so that of racing refreshes with one token, on
 * any number of instances, exactly one wins: a family that {@link #admittedBy admits} the rotation becomes
 * {@link #applyTo}, atomically; any other family stays as it is. What that means is decided here:
 * {@link #succeeded} when the store advanced the family, {@link #refusedBy} the family as stored afterwards
 * when it did not.
 */
public record Rotation(RefreshToken presented, ClientId client, Instant at, TokenPolicy policy) {

    public Rotation {
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * The rotation predicate, the store's compare-and-set condition: {@code family} is the token's, at the
     * token's generation (the token is its current one), issued to {@code client}, active, and its idle
     * expiry is after {@code at} (so is the absolute one, which bounds it).
     */
    public boolean admittedBy(RefreshTokenFamily family) {
        return family.id().equals(presented.familyId())
                && family.generation() == presented.generation()
                && family.clientId().equals(client)
                && family.isActiveAt(at);
    }

    /**
     * The family after the rotation: one generation on, {@code rotatedAt = at}, idle expiry
     * {@link #idleExpiresAt()} capped by the absolute expiry; everything else unchanged.
     *
     * @throws IllegalArgumentException for a family that does not admit the rotation: a bug
     */
    public RefreshTokenFamily applyTo(RefreshTokenFamily family) {
        if (!admittedBy(family)) {
            throw new IllegalArgumentException("family " + family.id() + " does not admit this rotation");
        }
        return family.advancedAt(at, policy);
    }

    /** The idle expiry the successor gets before the cap by the family's absolute expiry. */
    public Instant idleExpiresAt() {
        return policy.idleExpiryFrom(at);
    }

    /** The store advanced the family to {@code successor}. */
    public RotationOutcome succeeded(RefreshTokenFamily successor) {
        if (!successor.id().equals(presented.familyId()) || successor.generation() != presented.generation() + 1) {
            throw new IllegalStateException("the store advanced family " + successor.id() + " to generation "
                    + successor.generation() + " for a token of generation " + presented.generation());
        }
        return new RotationOutcome.Rotated(successor);
    }

    /**
     * The store did not advance the family; {@code stored} is the family as read afterwards, empty when it
     * is gone (purged after it ended, or deleted with its account). A stored family that admits the
     * rotation contradicts the store's refusal (generations never go back, ended families never return):
     * that is a broken store, not an outcome. A spent token of a live family is reuse whichever client presents
     * it: the token was copied, and the family ends. Under another client it is only refused while it is current,
     * or the predecessor within the grace (two cookie clients of one host share the cookie, so a page of the one
     * may send what a tab of the other has just rotated); it never replays there.
     */
    public RotationOutcome refusedBy(Optional<RefreshTokenFamily> stored) {
        if (stored.isEmpty()) {
            return new RotationOutcome.UnknownSession();
        }
        RefreshTokenFamily family = stored.get();
        if (!family.id().equals(presented.familyId())) {
            throw new IllegalArgumentException("family " + family.id() + " is not the token's");
        }
        if (!family.clientId().equals(client)) {
            return family.isActiveAt(at) && presented.generation() != family.generation() && !withinGrace(family)
                    ? new RotationOutcome.ReuseDetected(family.revokedAt(at, RevocationReason.REUSE_DETECTED))
                    : new RotationOutcome.ClientMismatch();
        }
        if (family.state() instanceof FamilyState.Revoked revoked) {
            return new RotationOutcome.Revoked(revoked.reason());
        }
        if (family.isExpiredAt(at)) {
            return new RotationOutcome.Expired();
        }
        if (admittedBy(family)) {
            throw new IllegalStateException("the store refused a rotation family " + family.id() + " admits");
        }
        if (withinGrace(family)) {
            return new RotationOutcome.GraceReplay(family);
        }
        return new RotationOutcome.ReuseDetected(family.revokedAt(at, RevocationReason.REUSE_DETECTED));
    }

    /** Whether the token is the immediate predecessor of {@code family}'s current one, rotated less than the grace ago. */
    private boolean withinGrace(RefreshTokenFamily family) {
        return presented.generation() == family.generation() - 1 && at.isBefore(family.rotatedAt().plus(policy.reuseGrace()));
    }
}
