package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailPseudonym;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Password-reset counters in table {@code password_reset_window}, by e-mail pseudonym; each count is one atomic upsert. */
@Singleton
final class JdbcResetRequestCounts implements ResetRequestCounts {

    private final Jdbc jdbc;

    JdbcResetRequestCounts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int count(EmailPseudonym email, Instant windowStart) {
        return jdbc.queryOne("""
                INSERT INTO password_reset_window AS w (email, window_start, requests) VALUES (?, ?, 1)
                ON CONFLICT (email) DO UPDATE
                   SET requests = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.requests + 1 ELSE 1 END,
                       window_start = EXCLUDED.window_start
                RETURNING requests""", statement -> {
                    statement.setString(1, email.value());
                    Jdbc.setInstant(statement, 2, windowStart);
                }, row -> row.getInt("requests")).orElseThrow();
    }

    @Override
    public void forget(EmailPseudonym email) {
        jdbc.update("DELETE FROM password_reset_window WHERE email = ?", statement -> statement.setString(1, email.value()));
    }

    @Override
    public int forgetStale(Instant before, int limit) {
        return jdbc.update("""
                DELETE FROM password_reset_window WHERE email IN (
                    SELECT email FROM password_reset_window WHERE window_start < ? LIMIT ?)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    statement.setInt(2, limit);
                });
    }
}
