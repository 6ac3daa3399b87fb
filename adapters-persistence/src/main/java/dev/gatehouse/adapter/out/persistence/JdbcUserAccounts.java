package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.EmailAlreadyRegisteredException;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.AccountStatus;
import dev.gatehouse.domain.user.DisplayName;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Accounts in table {@code user_account}; deleting one cascades to its sessions and e-mail tokens. */
@Singleton
final class JdbcUserAccounts implements UserAccounts {

    private static final String COLUMNS = "id, email, name, password_hash, created_at, email_verified, disabled";

    private final Jdbc jdbc;

    JdbcUserAccounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UserAccount account) {
        try {
            jdbc.update("INSERT INTO user_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", statement -> {
                statement.setObject(1, account.id().value());
                statement.setString(2, account.email().value());
                statement.setString(3, account.name().value());
                statement.setString(4, account.passwordHash().encoded());
                Jdbc.setInstant(statement, 5, account.createdAt());
                statement.setBoolean(6, account.emailVerified());
                statement.setBoolean(7, account.isDisabled());
            });
        } catch (Jdbc.UniqueViolation duplicate) {
            throw new EmailAlreadyRegisteredException();
        }
    }

    @Override
    public Optional<UserAccount> findByEmail(EmailAddress email) {
        return findOne("SELECT " + COLUMNS + " FROM user_account WHERE email = ?", statement -> statement.setString(1, email.value()));
    }

    @Override
    public Optional<UserAccount> findById(UserId id) {
        return findOne("SELECT " + COLUMNS + " FROM user_account WHERE id = ?", statement -> statement.setObject(1, id.value()));
    }

    @Override
    public boolean lock(UserId id) {
        return jdbc.queryOne("SELECT id FROM user_account WHERE id = ? FOR UPDATE", statement -> statement.setObject(1, id.value()),
                row -> Boolean.TRUE).isPresent();
    }

    /** Locks the row {@code FOR UPDATE} first, as {@link #changeStatus} does, for the same reason. */
    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        jdbc.update("UPDATE user_account SET password_hash = ? WHERE id = (SELECT id FROM user_account WHERE id = ? FOR UPDATE)", statement -> {
            statement.setString(1, hash.encoded());
            statement.setObject(2, id.value());
        });
    }

    /**
     * Locks the row {@code FOR UPDATE} first, as {@link #changeStatus} does, for the same reason; a hash that changed
     * while the lock was awaited is compared in its new version (PostgreSQL re-evaluates the condition).
     */
    @Override
    public boolean replacePasswordHash(UserId id, PasswordHash expected, PasswordHash replacement) {
        return jdbc.update("""
                UPDATE user_account SET password_hash = ?
                 WHERE id = (SELECT id FROM user_account WHERE id = ? AND password_hash = ? FOR UPDATE)""", statement -> {
            statement.setString(1, replacement.encoded());
            statement.setObject(2, id.value());
            statement.setString(3, expected.encoded());
        }) == 1;
    }

    @Override
    public void markEmailVerified(UserId id) {
        jdbc.update("UPDATE user_account SET email_verified = true WHERE id = ?", statement -> statement.setObject(1, id.value()));
    }

    /**
     * One statement that locks the row {@code FOR UPDATE} first: that lock conflicts with the key-share lock
     * a new session's foreign key takes, so inside a transaction no session of the account is added until
     * it ends, and no change waits less than an insert already under way.
     */
    @Override
    public boolean changeStatus(UserId id, AccountStatus status) {
        return jdbc.update("UPDATE user_account SET disabled = ? WHERE id = (SELECT id FROM user_account WHERE id = ? FOR UPDATE)",
                statement -> {
                    statement.setBoolean(1, status == AccountStatus.DISABLED);
                    statement.setObject(2, id.value());
                }) == 1;
    }

    @Override
    public boolean delete(UserId id) {
        return jdbc.update("DELETE FROM user_account WHERE id = ?", statement -> statement.setObject(1, id.value())) == 1;
    }

    private Optional<UserAccount> findOne(String sql, Jdbc.Binder binder) {
        return jdbc.queryOne(sql, binder, JdbcUserAccounts::map);
    }

    private static UserAccount map(ResultSet row) throws SQLException {
        return new UserAccount(
                new UserId(Jdbc.getUuid(row, "id")),
                new EmailAddress(row.getString("email")),
                new DisplayName(row.getString("name")),
                new PasswordHash(row.getString("password_hash")),
                Jdbc.getInstant(row, "created_at"),
                row.getBoolean("email_verified"),
                row.getBoolean("disabled") ? AccountStatus.DISABLED : AccountStatus.ACTIVE);
    }
}
