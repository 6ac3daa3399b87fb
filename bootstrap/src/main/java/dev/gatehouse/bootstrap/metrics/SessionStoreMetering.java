package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Hands every user of the session store the {@link MeteredSessionStore} around it, so that each ended
 * session is counted whichever use case ends it. The registry is looked up lazily: a creation listener's
 * own dependencies are created before every other bean, which the registry must not be.
 */
@Singleton
final class SessionStoreMetering implements BeanCreatedEventListener<RefreshTokenFamilies> {

    private final BeanProvider<MeterRegistry> registry;

    SessionStoreMetering(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public RefreshTokenFamilies onCreated(BeanCreatedEvent<RefreshTokenFamilies> event) {
        return new MeteredSessionStore(event.getBean(), registry::get);
    }
}
