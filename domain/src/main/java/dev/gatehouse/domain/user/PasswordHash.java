package dev.gatehouse.domain.user;

import java.util.Objects;

/**
 * A password hash in its self-describing string form (PHC string format for Argon2id, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$...}), so that its parameters can be read back and upgraded.
 * Its {@code toString} never reveals it.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
