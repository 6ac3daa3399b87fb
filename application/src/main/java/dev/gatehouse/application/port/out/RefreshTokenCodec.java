package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.token.RefreshToken;

/**
 * Turns a {@link RefreshToken} into the opaque string a client holds and back. The string carries a
 * proof under a server-side secret, so a forged or altered string is recognised without touching the
 * store, and the store alone never suffices to recompute a live token.
 */
public interface RefreshTokenCodec {

    /**
     * Deterministic: under the same server-side secrets the same token always gives the same string (racing
     * tabs get the same successor), on every instance.
     */
    String encode(RefreshToken token);

    /**
     * Checks the proof in constant time; anything malformed, forged or altered is {@code NotAuthentic}, and
     * so is any other spelling of an authentic string: a variant never stands for the real token.
     */
    RefreshTokenCheck check(String presented);

    /** The result of {@link #check}. */
    sealed interface RefreshTokenCheck {
        record Authentic(RefreshToken token) implements RefreshTokenCheck {
        }

        record NotAuthentic() implements RefreshTokenCheck {
        }
    }
}
