package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.user.EmailAddress;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;

/** Throttling counters in tables {@code sign_in_failure} and {@code sign_in_address_window}; each call is one atomic statement. */
@Singleton
final class JdbcSignInAttempts implements SignInAttempts {

    private final Jdbc jdbc;

    JdbcSignInAttempts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int countRequest(String clientAddress, Instant windowStart) {
        return jdbc.queryOne("""
                INSERT INTO sign_in_address_window AS w (address, window_start, requests) VALUES (?, ?, 1)
                ON CONFLICT (address) DO UPDATE
                   SET requests = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.requests + 1 ELSE 1 END,
                       window_start = EXCLUDED.window_start
                RETURNING requests""", statement -> {
                    statement.setString(1, clientAddress);
                    Jdbc.setInstant(statement, 2, windowStart);
                }, row -> row.getInt("requests")).orElseThrow();
    }

    @Override
    public Optional<Instant> lockedUntil(EmailAddress account) {
        return jdbc.queryOne("SELECT locked_until FROM sign_in_failure WHERE email = ? AND locked_until IS NOT NULL",
                statement -> statement.setString(1, account.value()), row -> Jdbc.getInstant(row, "locked_until"));
    }

    @Override
    public int recordFailure(EmailAddress account, Instant now) {
        return jdbc.queryOne("""
                INSERT INTO sign_in_failure AS f (email, failures, last_failure_at) VALUES (?, 1, ?)
                ON CONFLICT (email) DO UPDATE SET failures = f.failures + 1, last_failure_at = EXCLUDED.last_failure_at
                RETURNING failures""", statement -> {
                    statement.setString(1, account.value());
                    Jdbc.setInstant(statement, 2, now);
                }, row -> row.getInt("failures")).orElseThrow();
    }

    @Override
    public void lock(EmailAddress account, Instant until) {
        jdbc.update("UPDATE sign_in_failure SET locked_until = ? WHERE email = ?", statement -> {
            Jdbc.setInstant(statement, 1, until);
            statement.setString(2, account.value());
        });
    }

    @Override
    public void clearFailures(EmailAddress account) {
        jdbc.update("DELETE FROM sign_in_failure WHERE email = ?", statement -> statement.setString(1, account.value()));
    }

    @Override
    public int forgetStale(Instant before, int limit) {
        int windows = jdbc.update("""
                DELETE FROM sign_in_address_window WHERE address IN (
                    SELECT address FROM sign_in_address_window WHERE window_start < ? LIMIT ?)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    statement.setInt(2, limit);
                });
        int failures = jdbc.update("""
                DELETE FROM sign_in_failure WHERE email IN (
                    SELECT email FROM sign_in_failure
                     WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?) LIMIT ?)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    Jdbc.setInstant(statement, 2, before);
                    statement.setInt(3, limit);
                });
        return Math.max(windows, failures);
    }
}
