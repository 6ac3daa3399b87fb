package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.throttle.AdmissionRule;
import dev.gatehouse.domain.throttle.AttemptCount;
import dev.gatehouse.domain.user.EmailPseudonym;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.time.Instant;
import java.util.Optional;

/**
 * Account throttling in table {@code account_throttle}, one row per account pseudonym. An attempt is
 * admitted by one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE}: PostgreSQL locks the row and
 * re-evaluates the condition on its newest version, so concurrent attempts on any instance are counted
 * one after the other and a refused attempt writes nothing. The minute budget's window never goes back: an
 * attempt dated in an earlier window than the stored one (its instance's clock is behind) counts in the stored
 * window, as {@link WindowCounter} counts.
 */
@Singleton
final class JdbcSignInAttempts implements SignInAttempts {

    /**
     * The lock of a locking attempt is its rule's hold for its place in the run, {@code holds[attempts - lockingAttempt]}
     * (the last hold for every later attempt), picked in the statement: only the statement knows the count.
     */
    private static final String COUNT = """
            INSERT INTO account_throttle AS t (account, attempts, last_attempt_at, locked_until, window_start, window_attempts)
            VALUES (?, 1, ?, CASE WHEN 1 >= ? THEN (?::text[])[1]::timestamptz END, ?, 1)
            ON CONFLICT (account) DO UPDATE SET
                attempts = t.attempts + 1,
                last_attempt_at = EXCLUDED.last_attempt_at,
                locked_until = CASE WHEN t.attempts + 1 >= ? THEN (?::text[])[LEAST(t.attempts + 1 - ?, ?) + 1]::timestamptz
                                    ELSE t.locked_until END,
                window_start = GREATEST(t.window_start, EXCLUDED.window_start),
                window_attempts = CASE WHEN EXCLUDED.window_start > t.window_start THEN 1 ELSE t.window_attempts + 1 END
            WHERE (t.locked_until IS NULL OR t.locked_until <= EXCLUDED.last_attempt_at)
              AND (EXCLUDED.window_start > t.window_start OR t.window_attempts < ?)
            RETURNING attempts, window_attempts""";

    private final Jdbc jdbc;

    JdbcSignInAttempts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AttemptCount countAttempt(EmailPseudonym account, AdmissionRule rule) {
        String[] holds = rule.holds().stream().map(Instant::toString).toArray(String[]::new);
        Optional<AttemptCount> counted = jdbc.queryOne(COUNT, statement -> {
            Array holdArray = statement.getConnection().createArrayOf("text", holds);
            statement.setString(1, account.value());
            Jdbc.setInstant(statement, 2, rule.at());
            statement.setInt(3, rule.lockingAttempt());
            statement.setArray(4, holdArray);
            Jdbc.setInstant(statement, 5, rule.budgetWindowStart());
            statement.setInt(6, rule.lockingAttempt());
            statement.setArray(7, holdArray);
            statement.setInt(8, rule.lockingAttempt());
            statement.setInt(9, holds.length - 1);
            statement.setInt(10, rule.budget());
        }, row -> new AttemptCount.Counted(row.getInt("attempts"), row.getInt("window_attempts")));
        return counted.orElseGet(() -> refusal(account, rule));
    }

    /** Why the attempt was refused, read afresh (a lifted lock reads as none: the caller retries after a second). */
    private AttemptCount refusal(EmailPseudonym account, AdmissionRule rule) {
        return jdbc.queryOne("""
                SELECT locked_until, window_start >= ? AND window_attempts >= ? AS budget_spent
                  FROM account_throttle WHERE account = ?""", statement -> {
                    Jdbc.setInstant(statement, 1, rule.budgetWindowStart());
                    statement.setInt(2, rule.budget());
                    statement.setString(3, account.value());
                }, row -> (AttemptCount) new AttemptCount.Refused(Jdbc.getInstant(row, "locked_until"), row.getBoolean("budget_spent")))
                .orElseGet(() -> new AttemptCount.Refused(null, false));
    }

    @Override
    public void recordSuccess(EmailPseudonym account, Instant budgetWindowStart) {
        jdbc.update("""
                UPDATE account_throttle SET attempts = 0, locked_until = NULL,
                       window_attempts = CASE WHEN window_start >= ? THEN GREATEST(window_attempts - 1, 0) ELSE window_attempts END
                 WHERE account = ?""", statement -> {
                    Jdbc.setInstant(statement, 1, budgetWindowStart);
                    statement.setString(2, account.value());
                });
    }

    @Override
    public void forget(EmailPseudonym account) {
        jdbc.update("DELETE FROM account_throttle WHERE account = ?", statement -> statement.setString(1, account.value()));
    }

    @Override
    public int forgetStale(Instant before, int limit) {
        return jdbc.update("""
                DELETE FROM account_throttle WHERE account IN (
                    SELECT account FROM account_throttle
                     WHERE last_attempt_at < ? AND (locked_until IS NULL OR locked_until < ?)
                     LIMIT ? FOR UPDATE SKIP LOCKED)""", statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    Jdbc.setInstant(statement, 2, before);
                    statement.setInt(3, limit);
                });
    }
}
