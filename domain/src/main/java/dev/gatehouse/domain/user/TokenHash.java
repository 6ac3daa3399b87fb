package dev.gatehouse.domain.user;

import java.util.Objects;

/**
 * The keyed hash of an e-mail token, the only form in which such a token is stored: without the
 * server-side key, the store does not suffice to recompute a token. A printable encoding of the hash
 * (not the token), so it is safe to log, though there is no reason to.
 */
public record TokenHash(String value) {

    public TokenHash {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a token hash must not be empty");
        }
    }
}
