package dev.gatehouse.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who can sign in. The email address is unique among accounts (canonical form, see
 * {@link EmailAddress}); {@code emailVerified} says whether the owner proved to read it (a link sent there
 * was followed); {@code status} whether signing in is allowed at all.
 */
public record UserAccount(UserId id, EmailAddress email, DisplayName name, PasswordHash passwordHash, Instant createdAt,
        boolean emailVerified, AccountStatus status) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
    }

    /** A new account: its e-mail address is not verified yet, and it is active. */
    public UserAccount(UserId id, EmailAddress email, DisplayName name, PasswordHash passwordHash, Instant createdAt) {
        this(id, email, name, passwordHash, createdAt, false, AccountStatus.ACTIVE);
    }

    /** The same account with a new hash of the same password (parameter upgrade), or of a new password. */
    public UserAccount withPasswordHash(PasswordHash upgraded) {
        return new UserAccount(id, email, name, upgraded, createdAt, emailVerified, status);
    }

    /** The same account with its e-mail address verified. */
    public UserAccount withEmailVerified() {
        return new UserAccount(id, email, name, passwordHash, createdAt, true, status);
    }

    /** The same account in another status. */
    public UserAccount withStatus(AccountStatus changed) {
        return new UserAccount(id, email, name, passwordHash, createdAt, emailVerified, changed);
    }

    /** Whether an administrator disabled the account. */
    public boolean isDisabled() {
        return status == AccountStatus.DISABLED;
    }
}
