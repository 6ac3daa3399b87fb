package dev.gatehouse.bootstrap;

import dev.gatehouse.application.testing.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * A server whose every use case reads a {@link MutableClock} the test moves, so that locks and windows
 * expire at once instead of being waited for. It starts at the beginning of the current minute.
 */
@Factory
@Requires(property = HandMovedClock.PROPERTY, value = "true")
class HandMovedClock {

    static final String PROPERTY = "gatehouse.test.hand-moved-clock";

    @Singleton
    @Replaces(bean = Clock.class, factory = UseCaseFactory.class)
    Clock clock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    /** A server of its own with the hand-moved clock and {@code overrides}. Close it after use. */
    static EmbeddedServer start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put(PROPERTY, "true");
        return GatehouseServer.start(properties);
    }

    static MutableClock of(EmbeddedServer server) {
        return (MutableClock) server.getApplicationContext().getBean(Clock.class);
    }
}
