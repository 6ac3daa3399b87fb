package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * {@link CorsFilter} is the service's only CORS policy. Micronaut's own CORS filter runs on every request
 * even when {@code micronaut.server.cors} is off, and refuses with an empty {@code 403} any request whose
 * {@code Origin} is not localhost while the {@code Host} is ("drive-by localhost" protection): behind a
 * proxy that forwards {@code Host: localhost}, or in development, every configured origin other than a
 * localhost one would be refused that way while the preflight admitted it. Its localhost pass-through is
 * therefore switched on: the origins of {@code gatehouse.clients.*.allowed-origins} and the CSRF check
 * decide, and they never admit an unlisted origin.
 */
@Singleton
final class FrameworkCorsStandsAside implements BeanCreatedEventListener<HttpServerConfiguration.CorsConfiguration> {

    @Override
    public HttpServerConfiguration.CorsConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration.CorsConfiguration> event) {
        HttpServerConfiguration.CorsConfiguration cors = event.getBean();
        cors.setLocalhostPassThrough(true);
        return cors;
    }
}
