package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.ReadinessQuery;
import dev.gatehouse.application.port.out.StoreHealth;

/** Ready exactly when the store answers. */
public final class ReadinessService implements ReadinessQuery {

    private final StoreHealth store;

    public ReadinessService(StoreHealth store) {
        this.store = store;
    }

    @Override
    public boolean isReady() {
        return store.isAvailable();
    }
}
