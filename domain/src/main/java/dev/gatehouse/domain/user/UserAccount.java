package dev.gatehouse.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can sign in. The email address is unique among accounts (canonical form, see
 * {@link EmailAddress}).
 */
public record UserAccount(UserId id, EmailAddress email, DisplayName name, PasswordHash passwordHash, Instant createdAt) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The same account with a new hash of the same password (parameter upgrade). */
    public UserAccount withPasswordHash(PasswordHash upgraded) {
        return new UserAccount(id, email, name, upgraded, createdAt);
    }
}
