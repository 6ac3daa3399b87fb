package dev.gatehouse.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can sign in. The email address is unique among accounts (canonical form, see
 * {@link EmailAddress}); {@code emailVerified} says whether the owner proved to read it (a link sent there
 * was followed).
 */
public record UserAccount(UserId id, EmailAddress email, DisplayName name, PasswordHash passwordHash, Instant createdAt,
        boolean emailVerified) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new account: its e-mail address is not verified yet. */
    public UserAccount(UserId id, EmailAddress email, DisplayName name, PasswordHash passwordHash, Instant createdAt) {
        this(id, email, name, passwordHash, createdAt, false);
    }

    /** The same account with a new hash of the same password (parameter upgrade), or of a new password. */
    public UserAccount withPasswordHash(PasswordHash upgraded) {
        return new UserAccount(id, email, name, upgraded, createdAt, emailVerified);
    }

    /** The same account with its e-mail address verified. */
    public UserAccount withEmailVerified() {
        return new UserAccount(id, email, name, passwordHash, createdAt, true);
    }
}
