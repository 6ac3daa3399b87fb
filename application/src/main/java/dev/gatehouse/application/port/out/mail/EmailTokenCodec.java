package dev.gatehouse.application.port.out.mail;

import dev.gatehouse.domain.user.TokenHash;
import java.util.List;
import java.util.Objects;

/**
 * Makes the tokens of e-mail links: at least 256 unpredictable bits, URL-safe, and their keyed hash
 * (under a server-side key), so that the store, which keeps only the hash, never suffices to recompute
 * a token.
 */
public interface EmailTokenCodec {

    /** A fresh random token and its hash. */
    NewToken generate();

    /**
     * The hashes a presented token may be stored under, the current key's first: a codec whose key rotates
     * also answers with the hashes under the earlier keys it still holds, so that a link minted before a
     * rotation, or by another instance that has not rotated yet, stays usable. Empty when the string cannot be
     * a token of this codec (wrong length or alphabet), so that garbage never reaches the store.
     */
    List<TokenHash> hashesOf(String presented);

    /** A token in plain form (for the e-mail only) with its hash (for the store). {@code toString} redacts the token. */
    record NewToken(String token, TokenHash hash) {
        public NewToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public String toString() {
            return "NewToken[redacted]";
        }
    }
}
