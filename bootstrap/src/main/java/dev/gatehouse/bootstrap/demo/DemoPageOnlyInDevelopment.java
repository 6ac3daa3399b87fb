package dev.gatehouse.bootstrap.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.web.router.resource.StaticResourceConfiguration;
import jakarta.inject.Singleton;

/**
 * The demo page ({@code /demo/**}, mapped in application.yml) exists in development mode only: with a
 * database URL (production), its static-resource mapping is switched off as it is created, so the page
 * and its script are a 404 like any unknown path. The demo API is not even created then.
 */
@Singleton
@Requires(property = "datasources.default.url")
final class DemoPageOnlyInDevelopment implements BeanCreatedEventListener<StaticResourceConfiguration> {

    static final String MAPPING_NAME = "demo";

    @Override
    public StaticResourceConfiguration onCreated(BeanCreatedEvent<StaticResourceConfiguration> event) {
        if (MAPPING_NAME.equals(event.getBeanIdentifier().getName())) {
            event.getBean().setEnabled(false);
        }
        return event.getBean();
    }
}
