package io.micronaut.http.client.netty;

import io.micronaut.http.client.HttpClientConfiguration;
import java.net.URI;

/**
 * A client with a pipeline customizer of its own, made without a bean context. Micronaut's builder keeps
 * {@link DefaultHttpClientBuilder#clientCustomizer} package-private (its public route is the deprecated
 * nineteen-argument constructor), and customizers registered as beans reach only the clients the context
 * makes, so this one class lives in Micronaut's package to call it. It uses nothing else from the package.
 */
public final class CustomizedHttpClient {

    private CustomizedHttpClient() {
    }

    /** A client for {@code base} with the given configuration, every connection customized by {@code customizer}. */
    public static DefaultHttpClient create(URI base, HttpClientConfiguration configuration, NettyClientCustomizer customizer) {
        return DefaultHttpClient.builder().uri(base).configuration(configuration).clientCustomizer(customizer).build();
    }
}
