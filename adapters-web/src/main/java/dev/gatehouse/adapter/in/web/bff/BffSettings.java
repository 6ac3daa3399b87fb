package dev.gatehouse.adapter.in.web.bff;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code gatehouse.bff.*}: the backend-for-frontend proxy. Without {@code upstream-url}, {@code /bff/api/**}
 * answers 404.
 */
@ConfigurationProperties("gatehouse.bff")
public class BffSettings {

    static final String CLIENT_ID_KEY = "gatehouse.bff.client-id";

    private URI upstreamUrl;
    private String clientId = "bff";
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(30);

    public Optional<URI> getUpstreamUrl() {
        return Optional.ofNullable(upstreamUrl);
    }

    public void setUpstreamUrl(URI upstreamUrl) {
        this.upstreamUrl = upstreamUrl;
    }

    /** The proxy client whose sessions {@code /bff} holds (default {@code bff}); see {@link BffClient}. */
    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }
}
