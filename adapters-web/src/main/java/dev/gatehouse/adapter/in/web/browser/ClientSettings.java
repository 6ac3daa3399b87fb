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
        PROXY,
        /**
         * None: a service client acts for itself with its {@code secret} (RFC 6749 §4.4 client credentials)
         * and gets access tokens with its {@code scopes}, never a session.
         */
        SERVICE
    }

    /** The shortest secret a service client may have. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final String id;
    private Delivery delivery = Delivery.BODY;
    private List<String> allowedOrigins = List.of();
    private String secret;
    private String previousSecret;
    private List<String> scopes = List.of();

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

    /** The service client's secret; {@code null} when none is configured. */
    public String getSecret() {
        return secret;
    }

    /** {@code secret}: at least {@value #MIN_SECRET_LENGTH} characters; only service clients have one. */
    public void setSecret(String secret) {
        this.secret = requireLongEnough("secret", secret);
    }

    /** The secret still accepted during a rotation; {@code null} when none is configured. */
    public String getPreviousSecret() {
        return previousSecret;
    }

    /** {@code previous-secret}: accepted besides {@code secret} while clients switch over (docs/operations.md). */
    public void setPreviousSecret(String previousSecret) {
        this.previousSecret = requireLongEnough("previous-secret", previousSecret);
    }

    public List<String> getScopes() {
        return scopes;
    }

    /** {@code scopes}: what a service client's tokens may carry, each an RFC 6749 §3.3 scope token. */
    public void setScopes(List<String> scopes) {
        this.scopes = scopes.stream().map(String::strip).toList();
    }

    /**
     * At least {@value #MIN_SECRET_LENGTH} visible ASCII characters: no space, control or non-ASCII character, which
     * a blank or mangled value (40 spaces, a stray line break from a secret store) would be.
     */
    private String requireLongEnough(String setting, String value) {
        if (value == null || value.length() < MIN_SECRET_LENGTH || !value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new ConfigurationException(key(setting) + ": a service client's secret has at least " + MIN_SECRET_LENGTH
                    + " characters of URL-safe base64 (e.g. openssl rand -base64 32 | tr '+/' '-_'; HTTP Basic form-decodes a '+'), "
                    + "and no space or other invisible character");
        }
        return value;
    }

    /** The configuration key of one of this client's settings. */
    String key(String setting) {
        return "gatehouse.clients." + id + "." + setting;
    }
}
