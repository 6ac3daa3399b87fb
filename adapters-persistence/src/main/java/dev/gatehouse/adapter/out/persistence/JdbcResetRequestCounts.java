package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailPseudonym;
import jakarta.inject.Singleton;
import java.time.Instant;

/** Password-reset counters in table {@code password_reset_window}, by e-mail pseudonym; each count is one atomic upsert. */
@Singleton
final class JdbcResetRequestCounts implements ResetRequestCounts {

    /** One housekeeping batch of old windows, found by index (V6). */
    static final String FORGET_STALE = """
            DELETE FROM password_reset_window WHERE email IN (
                SELECT email FROM password_reset_window WHERE window_start < ? LIMIT ?)""";

    private final Jdbc jdbc;
    private final WindowCounter counter;

    JdbcResetRequestCounts(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.counter = new WindowCounter(jdbc, "password_reset_window", "email");
    }

    @Override
    public int count(EmailPseudonym email, Instant windowStart) {
        return counter.count(email.value(), windowStart);
    }

    @Override
    public void forget(EmailPseudonym email) {
        jdbc.update("DELETE FROM password_reset_window WHERE email = ?", statement -> statement.setString(1, email.value()));
    }

    @Override
    public int forgetStale(Instant before, int limit) {
        return jdbc.update(FORGET_STALE, statement -> {
                    Jdbc.setInstant(statement, 1, before);
                    statement.setInt(2, limit);
                });
    }
}
