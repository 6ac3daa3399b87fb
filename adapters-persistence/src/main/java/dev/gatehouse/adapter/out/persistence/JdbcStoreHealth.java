package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.StoreHealth;
import dev.gatehouse.application.port.StoreUnavailableException;
import jakarta.inject.Singleton;

/** The store is available when a trivial query answers. */
@Singleton
final class JdbcStoreHealth implements StoreHealth {

    private final Jdbc jdbc;

    JdbcStoreHealth(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isAvailable() {
        try {
            return jdbc.queryOne("SELECT 1", statement -> statement.setQueryTimeout(2), row -> row.getInt(1)).isPresent();
        } catch (StoreUnavailableException down) {
            return false;
        }
    }
}
