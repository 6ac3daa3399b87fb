package dev.gatehouse.bootstrap;

import dev.gatehouse.application.testing.MutableClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * With {@code gatehouse.test.mutable-clock=true}, the server's one clock (services, access tokens,
 * mail dates) is a {@link MutableClock} the test moves by hand, starting at the whole second of now.
 */
@Factory
@Requires(property = "gatehouse.test.mutable-clock", value = "true")
class MutableClockFactory {

    @Singleton
    @Replaces(bean = Clock.class, factory = UseCaseFactory.class)
    MutableClock mutableClock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
