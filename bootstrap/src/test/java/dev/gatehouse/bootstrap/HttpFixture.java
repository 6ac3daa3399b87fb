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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Real HTTP against a running server, with the JDK's client (it never hides 4xx answers). */
final class HttpFixture {

    static final String PASSWORD = "correct horse battery staple";

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    /**
     * One of about 9.8 million addresses (10.100.0.0 to 10.249.255.255, clear of {@link #crowdAddress}): fixtures of the
     * shared server that drew the same address would share its throttles, as two fixtures of 62,500 once did.
     */
    private final String clientAddress = "10." + (100 + (int) (Math.random() * 150)) + "." + (int) (Math.random() * 256) + "."
            + (int) (Math.random() * 256);

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

    /**
     * Waits for the next UTC clock minute when fewer than 15 s of this one are left: the throttles count in clock
     * minutes (see {@code RateLimit}), so a test that counts to a limit must not straddle two of them.
     */
    static void awaitFreshMinute() {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 45_000) {
            try {
                Thread.sleep(60_000 - intoMinute + 50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String anEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers a fresh account as client {@code api}; returns the 201 body. */
    Map<String, Object> register(String email) {
        HttpResponse<String> response = postJson("/auth/register", registration(email));
        if (response.statusCode() != 201) {
            throw new AssertionError("register failed: " + response.statusCode() + " " + response.body());
        }
        return object(response);
    }

    /** A registration of {@code email} (client {@code api}) sent from {@code address}, answered asynchronously. */
    CompletableFuture<HttpResponse<String>> registerFrom(String address, String email) {
        return client.sendAsync(request("/auth/register").setHeader("X-Forwarded-For", address).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(registration(email))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A password sign-in (client {@code api}) sent from {@code address}, answered asynchronously. */
    CompletableFuture<HttpResponse<String>> signInFrom(String address, String email, String password) {
        String body = form(Map.of("grant_type", "password", "username", email, "password", password, "client_id", "api"));
        return client.sendAsync(request("/auth/token").setHeader("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** When each of {@code answers} arrives (taken as it completes). */
    static List<CompletableFuture<Instant>> answeredAt(List<CompletableFuture<HttpResponse<String>>> answers) {
        return answers.stream().map(answer -> answer.thenApply(response -> Instant.now())).toList();
    }

    /** Waits (at most 60 s) until one of {@code answers} has arrived with {@code status}. */
    static void awaitAnswer(List<CompletableFuture<HttpResponse<String>>> answers, int status) {
        var arrived = new CountDownLatch(1);
        answers.forEach(answer -> answer.thenAccept(response -> {
            if (response.statusCode() == status) {
                arrived.countDown();
            }
        }));
        try {
            if (!arrived.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("no answer with status " + status + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many of {@code answers} with {@code status} arrived after {@code instant}. */
    static long answeredAfter(List<CompletableFuture<HttpResponse<String>>> answers, List<CompletableFuture<Instant>> answeredAt,
            int status, Instant instant) {
        return IntStream.range(0, answers.size())
                .filter(i -> answers.get(i).join().statusCode() == status && answeredAt.get(i).join().isAfter(instant)).count();
    }

    /** The {@code n}-th of a crowd of distinct client addresses (n below 65,536). */
    static String crowdAddress(int n) {
        return "10.77." + (n >> 8) + "." + (n & 0xff);
    }

    private String registration(String email) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("name", "Test User");
        body.put("clientId", "api");
        return toJson(body);
    }

    HttpResponse<String> signIn(String email, String password) {
        return postForm("/auth/token", Map.of("grant_type", "password", "username", email, "password", password, "client_id", "api"));
    }

    HttpResponse<String> refresh(String refreshToken) {
        return postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "api"));
    }

    /** A fresh account signed in through {@code /bff/login}: its session cookies, as a browser sends them back. */
    String bffSessionCookies() {
        String email = anEmail();
        register(email);
        HttpResponse<String> login = send(request("/bff/login").header("Content-Type", "application/json")
                .header("Origin", CookieClientTest.ORIGIN).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(Map.of("email", email, "password", PASSWORD)))));
        if (login.statusCode() != 200) {
            throw new AssertionError("bff login answered " + login.statusCode() + ": " + login.body());
        }
        return String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
    }
}
