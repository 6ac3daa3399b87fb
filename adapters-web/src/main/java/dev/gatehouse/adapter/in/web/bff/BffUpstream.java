package dev.gatehouse.adapter.in.web.bff;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.netty.CustomizedHttpClient;
import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The (metered) proxy client to the configured upstream, with the configured timeouts; absent without an
 * upstream. Made at start-up: an upstream URL the proxy cannot use stops the start, naming the key.
 */
@Context
final class BffUpstream implements AutoCloseable {

    static final String UPSTREAM_URL_KEY = "gatehouse.bff.upstream-url";
    private static final int PENDING_CONNECTIONS = 256;

    private final Optional<URI> base;
    private final UpstreamExchanges exchanges;
    private final ProxyHttpClient client;

    BffUpstream(BffSettings settings, MeterRegistry metrics) {
        this.base = settings.getUpstreamUrl().map(BffUpstream::usable);
        var configuration = new DefaultHttpClientConfiguration();
        Duration connectTimeout = positive("gatehouse.bff.connect-timeout", settings.getConnectTimeout());
        configuration.setConnectTimeout(connectTimeout);
        // An upstream that drops connection attempts must cost each request one connect timeout, not a place in a
        // line of requests that open one connection at a time (4 pending by default): 10 requests got their 502
        // after 2, 4, ... 20 s. Requests beyond the limit wait at most one connect timeout for a connection.
        configuration.getConnectionPoolConfiguration().setMaxPendingConnections(PENDING_CONNECTIONS);
        configuration.getConnectionPoolConfiguration().setAcquireTimeout(connectTimeout);
        // The read timeout is the exchanges' own (UpstreamSilence): the client's would count a slow upload, or a
        // download held back for a slow browser, as silence.
        configuration.setReadTimeout(null);
        this.exchanges = new UpstreamExchanges(positive("gatehouse.bff.read-timeout", settings.getReadTimeout()));
        configuration.setFollowRedirects(false);
        this.client = base.isEmpty() ? null
                : new MeteredUpstreamClient(CustomizedHttpClient.create(base.get(), configuration, exchanges), metrics);
        if (client != null) {
            Gauge.builder("gatehouse.bff.exchanges.open", exchanges, UpstreamExchanges::openCount)
                    .description("Requests forwarded by /bff/api whose answer is still streaming").register(metrics);
        }
    }

    /** A timeout of zero or less would fail every proxied call (502) while the service reports healthy. */
    private static Duration positive(String key, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(key + " must be a positive duration (such as 2s), not " + timeout);
        }
        return timeout;
    }

    /** An absolute {@code http} or {@code https} URL with a host, perhaps a port (1 to 65535) and a base path, nothing else. */
    private static URI usable(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getPort() == 0 || url.getPort() > 65535
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new ConfigurationException(UPSTREAM_URL_KEY + " must be an http or https URL with a host and at most a base path, "
                    + "such as http://127.0.0.1:9000 or https://api.internal/v1; not '" + url + "'");
        }
        return url;
    }

    Optional<URI> base() {
        return base;
    }

    ProxyHttpClient client() {
        return client;
    }

    /** The exchanges in flight on the client's connections, each ended by its browser's leaving at the latest. */
    UpstreamExchanges exchanges() {
        return exchanges;
    }

    @Override
    @PreDestroy
    public void close() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
