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

    private URI upstreamUrl;
    private String client = "web";
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(30);

    public Optional<URI> getUpstreamUrl() {
        return Optional.ofNullable(upstreamUrl);
    }

    public void setUpstreamUrl(URI upstreamUrl) {
        this.upstreamUrl = upstreamUrl;
    }

    /** The cookie client whose sessions the proxy holds (default {@code web}). */
    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
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
