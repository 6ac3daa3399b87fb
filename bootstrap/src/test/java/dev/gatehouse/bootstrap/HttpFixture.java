package dev.gatehouse.bootstrap;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Real HTTP against a running server, with the JDK's client (it never hides 4xx answers). */
final class HttpFixture {

    static final String PASSWORD = "correct horse battery staple";

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final String clientAddress = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);

    HttpFixture(EmbeddedServer server) {
        this.server = server;
        this.json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", clientAddress);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpClient client() {
        return client;
    }

    /** The client address this fixture's requests come from ({@code X-Forwarded-For} through the trusted 127.0.0.1). */
    String clientAddress() {
        return clientAddress;
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    HttpResponse<String> get(String path, String accessToken) {
        return send(request(path).header("Authorization", "Bearer " + accessToken).GET());
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Map<String, Object> object(HttpResponse<String> response) {
        return parse(response.body());
    }

    Map<String, Object> parse(String jsonObject) {
        try {
            return json.readValue(jsonObject, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, Object>> list(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String anEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a fresh account as client {@code api}; returns the 201 body. */
    Map<String, Object> register(String email) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("name", "Test User");
        body.put("clientId", "api");
        HttpResponse<String> response = postJson("/auth/register", toJson(body));
        if (response.statusCode() != 201) {
            throw new AssertionError("register failed: " + response.statusCode() + " " + response.body());
        }
        return object(response);
    }

    HttpResponse<String> signIn(String email, String password) {
        return postForm("/auth/token", Map.of("grant_type", "password", "username", email, "password", password, "client_id", "api"));
    }

    HttpResponse<String> refresh(String refreshToken) {
        return postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "api"));
    }
}
