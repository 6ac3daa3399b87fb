package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserId;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/**
 * E-mail tokens in table {@code email_token}, by hash. {@link #consume} is one conditional
 * {@code DELETE ... RETURNING}: of racing consumers of one token, exactly one gets the row. Its subquery locks the
 * owner's account row before the token row is taken (the lock order of account transactions): a consumer that
 * waited for the account finds the token gone if the transaction it waited for deleted it.
 */
@Singleton
final class JdbcEmailTokens implements EmailTokens {

    private static final String INSERT = "INSERT INTO email_token (token_hash, user_id, purpose, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String VALID = "token_hash = ? AND purpose = ? AND expires_at > ? AND user_id IS NOT NULL";

    private final Jdbc jdbc;

    JdbcEmailTokens(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(EmailToken token) {
        jdbc.update(INSERT + " ON CONFLICT (user_id, purpose) DO UPDATE SET token_hash = EXCLUDED.token_hash, "
                + "created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at", statement -> {
                    statement.setString(1, token.hash().value());
                    statement.setObject(2, token.user().value());
                    statement.setString(3, token.purpose().name());
                    Jdbc.setInstant(statement, 4, token.createdAt());
                    Jdbc.setInstant(statement, 5, token.expiresAt());
                });
    }

    @Override
    public void addDecoy(TokenHash hash, Instant createdAt, Instant expiresAt) {
        jdbc.update(INSERT + " ON CONFLICT (user_id, purpose) DO NOTHING", statement -> {
            statement.setString(1, hash.value());
            statement.setNull(2, Types.OTHER);
            statement.setString(3, EmailTokenPurpose.PASSWORD_RESET.name());
            Jdbc.setInstant(statement, 4, createdAt);
            Jdbc.setInstant(statement, 5, expiresAt);
        });
    }

    @Override
    public Optional<EmailToken> findValid(TokenHash hash, EmailTokenPurpose purpose, Instant now) {
        return jdbc.queryOne("SELECT user_id, created_at, expires_at FROM email_token WHERE " + VALID,
                statement -> bindValid(statement, hash, purpose, now),
                row -> new EmailToken(hash, new UserId(Jdbc.getUuid(row, "user_id")), purpose, Jdbc.getInstant(row, "created_at"),
                        Jdbc.getInstant(row, "expires_at")));
    }

    @Override
    public Optional<UserId> consume(TokenHash hash, EmailTokenPurpose purpose, Instant now) {
        return jdbc.queryOne("DELETE FROM email_token WHERE " + VALID + " AND user_id = (SELECT id FROM user_account "
                + "WHERE id = (SELECT user_id FROM email_token WHERE " + VALID + ") FOR UPDATE) RETURNING user_id", statement -> {
                    bindValid(statement, hash, purpose, now);
                    bindValid(statement, hash, purpose, now, 4);
                }, row -> new UserId(Jdbc.getUuid(row, "user_id")));
    }

    @Override
    public void delete(UserId user, EmailTokenPurpose purpose) {
        jdbc.update("DELETE FROM email_token WHERE user_id = ? AND purpose = ?", statement -> {
            statement.setObject(1, user.value());
            statement.setString(2, purpose.name());
        });
    }

    @Override
    public void deleteAllOf(UserId user) {
        jdbc.update("DELETE FROM email_token WHERE user_id = ?", statement -> statement.setObject(1, user.value()));
    }

    @Override
    public int purgeExpiredBefore(Instant before, int limit) {
        return jdbc.update("""
                DELETE FROM email_token WHERE token_hash IN (
                    SELECT token_hash FROM email_token WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    statement.setInt(2, limit);
                });
    }

    private static void bindValid(PreparedStatement statement, TokenHash hash, EmailTokenPurpose purpose, Instant now)
            throws SQLException {
        bindValid(statement, hash, purpose, now, 1);
    }

    /** Binds the parameters of {@link #VALID} from parameter {@code first} on. */
    private static void bindValid(PreparedStatement statement, TokenHash hash, EmailTokenPurpose purpose, Instant now, int first)
            throws SQLException {
        statement.setString(first, hash.value());
        statement.setString(first + 1, purpose.name());
        Jdbc.setInstant(statement, first + 2, now);
    }
}
