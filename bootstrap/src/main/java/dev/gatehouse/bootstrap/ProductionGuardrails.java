package dev.gatehouse.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Start-up refusals that keep development settings out of production, checked before anything else
 * starts, on the mode {@link DeploymentMode} chose. Production mode: the issuer, every client's allowed
 * origins and the frontend that e-mail links point at ({@code gatehouse.mail.link-base-url}) must be
 * {@code https} unless their host is loopback ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}); tokens
 * and cookies minted for a plain-{@code http} origin would travel in clear, and so would the reset and
 * verification tokens in a link's fragment once the page posts them back. (That production has an SMTP
 * server at all is required by the mail adapter's own start check.)
 * Development mode (the {@value Environment#DEVELOPMENT} environment): no {@code gatehouse.keys.*} may be
 * configured, because production keys beside the embedded database would make a real-looking service that
 * loses every account at exit.
 * In either mode the issuer is an {@code http(s)} URL with a host and no query or fragment (RFC 8414 §2): the
 * metadata's endpoint URLs are the issuer followed by their paths, and the audience is not empty (every verifier
 * that checks {@code aud}, RFC 9068 §4, would refuse every token).
 * Each refusal names the key.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ProductionGuardrails {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final String ISSUER = "gatehouse.issuer";
    /** The keys documented under {@code gatehouse.keys} (docs/operations.md). */
    private static final List<String> KEYS = List.of("signing", "refresh-secret", "refresh-secrets");

    ProductionGuardrails(Environment environment) {
        String issuer = environment.getProperty(ISSUER, String.class, "http://localhost:8080");
        requireIssuerForm(issuer);
        if (environment.getProperty("gatehouse.audience", String.class, "gatehouse").isBlank()) {
            throw new ConfigurationException("gatehouse.audience must not be empty: verifiers that check aud would refuse every token");
        }
        if (environment.getActiveNames().contains(Environment.DEVELOPMENT)) {
            refuseProductionKeys(environment);
        } else {
            requireTls(ISSUER, issuer);
            requireTls("gatehouse.mail.link-base-url", environment.getProperty("gatehouse.mail.link-base-url", String.class,
                    "http://localhost:5173"));
            for (String client : environment.getPropertyEntries("gatehouse.clients")) {
                String key = "gatehouse.clients." + client + ".allowed-origins";
                environment.getProperty(key, Argument.listOf(String.class)).orElse(List.of()).forEach(origin -> requireTls(key, origin));
            }
        }
    }

    /**
     * Any key under {@code gatehouse.keys}, by its documented names too: an environment variable such as
     * {@code GATEHOUSE_KEYS_REFRESH_SECRETS} lists its entries split at every underscore ({@code refresh}), which
     * holds no value itself.
     */
    private static void refuseProductionKeys(Environment environment) {
        Optional<String> configured = Stream.concat(environment.getPropertyEntries("gatehouse.keys").stream(), KEYS.stream())
                .distinct().sorted()
                .map(entry -> "gatehouse.keys." + entry)
                .filter(key -> !environment.getProperty(key, String.class, "").isBlank())
                .findFirst();
        if (configured.isPresent()) {
            throw new ConfigurationException(configured.get() + " is configured but " + DeploymentMode.DATABASE_URL + " is not: production "
                    + "keys need the production database (without it an embedded development database would start and lose "
                    + "every account at exit). Set " + DeploymentMode.DATABASE_URL + ", or remove gatehouse.keys.* for development mode.");
        }
    }

    private static void requireIssuerForm(String issuer) {
        Optional<URI> uri = parsed(issuer).filter(u -> Set.of("http", "https").contains(lowercase(u.getScheme())) && u.getHost() != null
                && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null);
        if (uri.isEmpty()) {
            throw new ConfigurationException(ISSUER + " must be an http(s) URL with a host and no query, fragment or user info "
                    + "(RFC 8414 §2), such as https://auth.example.com or https://example.com/auth; not " + issuer);
        }
    }

    private static void requireTls(String key, String url) {
        URI uri = parsed(url).orElseThrow(() -> new ConfigurationException(key + " must be an absolute https URL, not " + url));
        String scheme = lowercase(uri.getScheme());
        String host = lowercase(uri.getHost());
        boolean allowed = "https".equals(scheme) || "http".equals(scheme) && LOOPBACK.contains(host);
        if (!allowed || host.isEmpty()) {
            throw new ConfigurationException(key + " must be an https URL when " + DeploymentMode.DATABASE_URL + " is set (http only for "
                    + "localhost, 127.0.0.1 or [::1]), not " + url);
        }
    }

    /** {@code url} as a URI, or empty when it is not one. */
    private static Optional<URI> parsed(String url) {
        try {
            return Optional.of(URI.create(url.strip()));
        } catch (IllegalArgumentException unparsable) {
            return Optional.empty();
        }
    }

    /** Scheme and host compare case-insensitively (RFC 3986 §3.1, §3.2.2); absent is empty. */
    private static String lowercase(String part) {
        return part == null ? "" : part.toLowerCase(Locale.ROOT);
    }
}
