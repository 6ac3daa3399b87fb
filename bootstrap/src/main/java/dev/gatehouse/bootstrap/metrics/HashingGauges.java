package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.adapter.out.security.password.HashingLoad;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

/** {@code gatehouse_hashing_in_flight} and {@code gatehouse_hashing_waiting}: the password-hashing gate's load. */
@Singleton
final class HashingGauges implements MeterBinder {

    private final HashingLoad load;

    HashingGauges(HashingLoad load) {
        this.load = load;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("gatehouse.hashing.in_flight", load, HashingLoad::inFlight)
                .description("Password hashes running now (at most the hashing concurrency)").register(registry);
        Gauge.builder("gatehouse.hashing.waiting", load, HashingLoad::waiting)
                .description("Sign-ins and registrations waiting for a hashing slot now").register(registry);
    }
}
