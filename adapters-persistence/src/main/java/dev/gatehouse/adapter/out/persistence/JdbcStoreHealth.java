package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.StoreHealth;
import dev.gatehouse.application.port.StoreUnavailableException;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The store is available when a trivial query answers within {@link #WITHIN}, whether the database is slow or silent. */
@Singleton
final class JdbcStoreHealth implements StoreHealth {

    static final Duration WITHIN = Duration.ofSeconds(2);

    private final Jdbc jdbc;

    JdbcStoreHealth(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isAvailable() {
        try {
            return jdbc.queryOneWithin(WITHIN, "SELECT 1", statement -> statement.setQueryTimeout((int) WITHIN.toSeconds()),
                    row -> row.getInt(1)).isPresent();
        } catch (StoreUnavailableException down) {
            return false;
        }
    }
}
