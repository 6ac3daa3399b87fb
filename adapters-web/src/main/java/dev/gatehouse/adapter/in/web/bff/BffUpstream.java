package dev.gatehouse.adapter.in.web.bff;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.ProxyHttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;

/** The (metered) proxy client to the configured upstream, with the configured timeouts; absent without an upstream. */
@Singleton
final class BffUpstream implements AutoCloseable {

    private final Optional<URI> base;
    private final ProxyHttpClient client;

    BffUpstream(BffSettings settings, MeterRegistry metrics) {
        this.base = settings.getUpstreamUrl();
        var configuration = new DefaultHttpClientConfiguration();
        configuration.setConnectTimeout(settings.getConnectTimeout());
        configuration.setReadTimeout(settings.getReadTimeout());
        configuration.setFollowRedirects(false);
        try {
            this.client = base.isEmpty() ? null
                    : new MeteredUpstreamClient(ProxyHttpClient.create(base.get().toURL(), configuration), metrics);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("gatehouse.bff.upstream-url is not a URL", e);
        }
    }

    Optional<URI> base() {
        return base;
    }

    ProxyHttpClient client() {
        return client;
    }

    @Override
    @PreDestroy
    public void close() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
