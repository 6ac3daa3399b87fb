package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One configured client, {@code gatehouse.clients.<id>}: how it receives refresh tokens and where it runs.
 * A value the service cannot use stops the start with a message naming its key and the allowed values
 * ({@link ClientRegistry} is created at start-up).
 */
@EachProperty("gatehouse.clients")
public class ClientSettings {

    /** How the refresh token travels between the service and the client. */
    public enum Delivery {
        /** In the JSON body (REST API consumers, mobile, CLI, other backends). */
        BODY,
        /** Only in an HttpOnly {@code __Host-} cookie, never in a body (browser frontends). */
        COOKIE,
        /**
         * Never outside {@code /bff}: the sessions of the backend-for-frontend proxy, whose tokens live in
         * HttpOnly cookies that only {@code /bff} reads; every other endpoint refuses such a client.
         */
        PROXY
    }

    private final String id;
    private Delivery delivery = Delivery.BODY;
    private List<String> allowedOrigins = List.of();

    public ClientSettings(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /** {@code delivery}: one of the {@link Delivery} names, in any case. */
    public void setDelivery(String delivery) {
        this.delivery = Stream.of(Delivery.values())
                .filter(value -> value.name().equalsIgnoreCase(delivery == null ? "" : delivery.strip()))
                .findFirst()
                .orElseThrow(() -> new ConfigurationException(key("delivery") + ": \"" + delivery + "\" is no delivery; allowed: "
                        + Stream.of(Delivery.values()).map(value -> value.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", "))));
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    /** {@code allowed-origins}: each as a browser sends it in {@code Origin}, see {@link Origins}. */
    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().map(String::strip)
                .map(origin -> Origins.require(key("allowed-origins"), origin))
                .toList();
    }

    /** The configuration key of one of this client's settings. */
    String key(String setting) {
        return "gatehouse.clients." + id + "." + setting;
    }
}
