package dev.gatehouse.domain.token;

/**
 * What presenting an authentic refresh token came to, decided by {@link Rotation#succeeded} (the store
 * advanced the family) or {@link Rotation#refusedBy} (it did not).
 */
public sealed interface RotationOutcome {

    /** The presented token was the current one; the family moved one generation on (RFC 9700 §4.14.2). */
    record Rotated(RefreshTokenFamily family) implements RotationOutcome {
    }

    /**
     * The presented token is the current one's immediate predecessor, spent less than the reuse grace
     * ago: the caller gets the same successor as the first rotation, not a new branch.
     */
    record GraceReplay(RefreshTokenFamily family) implements RotationOutcome {
    }

    /** A spent token was presented outside the grace: the family is revoked as presumed stolen. */
    record ReuseDetected(RefreshTokenFamily revoked) implements RotationOutcome {
    }

    /** The family passed its idle or absolute expiry. */
    record Expired() implements RotationOutcome {
    }

    /** The family was revoked earlier. */
    record Revoked(RevocationReason reason) implements RotationOutcome {
    }

    /** The token was issued to another client (RFC 6749 §6: a refresh token is bound to its client). */
    record ClientMismatch() implements RotationOutcome {
    }

    /** The family is no longer stored: purged after it ended, or deleted with its account. */
    record UnknownSession() implements RotationOutcome {
    }
}
