package dev.gatehouse.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The jar shared by the suite (started once per test JVM, see {@link SharedGatehouse}) with the configuration
 * of {@code acceptance.yml}, its {@code /bff} upstream, the SMTP server it sends e-mail to, and the few calls most
 * tests start from.
 */
final class Gatehouse implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";
    static final String AUDIENCE = "gatehouse";
    /** The allowed origins of the clients {@code web} and {@code bff} in {@code acceptance.yml}. */
    static final List<String> WEB_ORIGINS = List.of("http://localhost:5173", "http://localhost:4200");

    private final GatehouseJar jar;
    private final RecordingUpstream upstream;
    private final SmtpInbox inbox;
    private final Http http;

    private Gatehouse(GatehouseJar jar, RecordingUpstream upstream, SmtpInbox inbox) {
        this.jar = jar;
        this.upstream = upstream;
        this.inbox = inbox;
        this.http = new Http(jar.base());
    }

    static Gatehouse start() {
        RecordingUpstream upstream = new RecordingUpstream();
        SmtpInbox inbox = new SmtpInbox();
        String template = resource("acceptance.yml");
        GatehouseJar jar = GatehouseJar.start("shared", port -> new JarLaunch(List.of(), Map.of(), Optional.of(template + """
                micronaut.server.port: %d
                gatehouse.issuer: "http://localhost:%d"
                gatehouse.bff.upstream-url: "%s"
                gatehouse.mail.smtp.port: %d
                """.formatted(port, port, upstream.url(), inbox.port()))));
        upstream.trust(jar.base().resolve("/.well-known/jwks.json"), issuer(jar), AUDIENCE);
        return new Gatehouse(jar, upstream, inbox);
    }

    private static String issuer(GatehouseJar jar) {
        return "http://localhost:" + jar.port();
    }

    String issuer() {
        return issuer(jar);
    }

    URI base() {
        return jar.base();
    }

    Http http() {
        return http;
    }

    RecordingUpstream upstream() {
        return upstream;
    }

    /** The e-mail the jar sent. */
    SmtpInbox inbox() {
        return inbox;
    }

    static String anEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a fresh account as the body client {@code api}; returns the 201 token response. */
    JsonNode register(String email) {
        return register(http, email);
    }

    /** Registers a fresh account as the body client {@code api} at any running jar. */
    static JsonNode register(Http http, String email) {
        HttpResponse<String> response = http.postJson("/auth/register", registration(email, "api"));
        if (response.statusCode() != 201) {
            throw new AssertionError("register failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    static String registration(String email, String clientId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("name", "Ada Lovelace");
        body.put("clientId", clientId);
        return Json.write(body);
    }

    /** The password grant of client {@code api}, form-encoded (RFC 6749 §4.3). */
    HttpResponse<String> signIn(String email, String password) {
        return http.postForm("/auth/token", Map.of("grant_type", "password", "username", email, "password", password, "client_id", "api"));
    }

    /** A new account, signed in as client {@code api}: the token response. */
    JsonNode aSignedInUser() {
        String email = anEmail();
        register(email);
        HttpResponse<String> response = signIn(email, PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "api"));
    }

    private static String resource(String name) {
        try (InputStream in = Gatehouse.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        jar.close();
        upstream.close();
        inbox.close();
    }
}
