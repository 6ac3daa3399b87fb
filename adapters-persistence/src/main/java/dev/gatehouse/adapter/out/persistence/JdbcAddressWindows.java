package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.AddressWindows;
import dev.gatehouse.domain.throttle.ClientNetwork;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * Per-network request counters in table {@code address_window}: one row per purpose and network, counted by one
 * upsert; a window never goes back, as {@link WindowCounter}'s do.
 */
@Singleton
final class JdbcAddressWindows implements AddressWindows {

    private final Jdbc jdbc;

    JdbcAddressWindows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int countRequest(Purpose purpose, ClientNetwork network, Instant windowEnd) {
        return jdbc.queryOne("""
                INSERT INTO address_window AS w (purpose, network, window_end, requests) VALUES (?, ?, ?, 1)
                ON CONFLICT (purpose, network) DO UPDATE
                   SET requests = CASE WHEN EXCLUDED.window_end > w.window_end THEN 1 ELSE w.requests + 1 END,
                       window_end = GREATEST(w.window_end, EXCLUDED.window_end)
                RETURNING requests""", statement -> {
                    statement.setString(1, purpose.name());
                    statement.setString(2, network.value());
                    Jdbc.setInstant(statement, 3, windowEnd);
                }, row -> row.getInt("requests")).orElseThrow();
    }

    @Override
    public int forgetEnded(Instant now, int limit) {
        return jdbc.update("""
                DELETE FROM address_window WHERE (purpose, network) IN (
                    SELECT purpose, network FROM address_window WHERE window_end <= ? LIMIT ? FOR UPDATE SKIP LOCKED)""", statement -> {
                    Jdbc.setInstant(statement, 1, now);
                    statement.setInt(2, limit);
                });
    }
}
