package dev.gatehouse.domain.token;

import java.util.Objects;

/**
 * What an authentic refresh token says: which family it belongs to and which generation of it it is.
 * The string a client holds also carries a proof (an HMAC over these two under a server-side secret);
 * only tokens whose proof checked out become a {@code RefreshToken}.
 */
public record RefreshToken(FamilyId familyId, long generation) {

    public RefreshToken {
        Objects.requireNonNull(familyId, "familyId");
        if (generation < 0) {
            throw new IllegalArgumentException("generation must not be negative");
        }
    }

    /** The token that is current for the family as it is now. */
    public static RefreshToken currentOf(RefreshTokenFamily family) {
        return new RefreshToken(family.id(), family.generation());
    }
}
