package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.out.AccessTokens;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * Hands every user of the access tokens the {@link MeteredAccessTokens} around them, so that each refused token
 * is counted whichever endpoint it was presented to. The registry is looked up lazily, as in
 * {@link SessionStoreMetering}.
 */
@Singleton
final class AccessTokenMetering implements BeanCreatedEventListener<AccessTokens> {

    private final BeanProvider<MeterRegistry> registry;

    AccessTokenMetering(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public AccessTokens onCreated(BeanCreatedEvent<AccessTokens> event) {
        return new MeteredAccessTokens(event.getBean(), registry::get);
    }
}
