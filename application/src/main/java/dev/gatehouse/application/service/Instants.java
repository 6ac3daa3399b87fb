package dev.gatehouse.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The services' one way to read the time: the injected clock, at the store's precision (microseconds). */
final class Instants {

    private Instants() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
