package dev.gatehouse.adapter.in.web.ops;

import jakarta.inject.Singleton;

/**
 * Whether the service is draining before it stops: readiness then answers {@code 503}, so that a load balancer
 * that polls it takes the instance out, while every request is still served. Begun by SIGTERM (see the bootstrap's ShutdownDrain), never ended.
 */
@Singleton
public final class Draining {

    private volatile boolean draining;

    /** From now on readiness answers that the service is stopping. */
    public void begin() {
        draining = true;
    }

    public boolean isDraining() {
        return draining;
    }
}
