package dev.gatehouse.adapter.out.persistence;

import java.time.Instant;

/**
 * A counter per key in fixed windows, one row per key updated in place: {@code (key, window_start, requests)}
 * in {@code table}. Counting is one atomic upsert, so concurrent requests of every instance get distinct
 * numbers; a later window starts over at 1. A request dated in an earlier window than the stored one (its
 * instance's clock is behind another's) counts in the stored window: a counter never goes back, or two
 * instances a few seconds apart would restart each other's count at every request near a window's edge.
 */
final class WindowCounter {

    private final Jdbc jdbc;
    private final String upsert;

    /** @param table and {@code keyColumn} are fixed names of the schema, never input */
    WindowCounter(Jdbc jdbc, String table, String keyColumn) {
        this.jdbc = jdbc;
        this.upsert = """
                INSERT INTO %1$s AS w (%2$s, window_start, requests) VALUES (?, ?, 1)
                ON CONFLICT (%2$s) DO UPDATE
                   SET requests = CASE WHEN EXCLUDED.window_start > w.window_start THEN 1 ELSE w.requests + 1 END,
                       window_start = GREATEST(w.window_start, EXCLUDED.window_start)
                RETURNING requests""".formatted(table, keyColumn);
    }

    /** Counts one request for {@code key} (a JDBC value) in the window starting at {@code windowStart}; the count so far. */
    int count(Object key, Instant windowStart) {
        return jdbc.queryOne(upsert, statement -> {
            statement.setObject(1, key);
            Jdbc.setInstant(statement, 2, windowStart);
        }, row -> row.getInt("requests")).orElseThrow();
    }
}
