package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts Gatehouse: the HTTP server, the database pool and the scheduled purge. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
