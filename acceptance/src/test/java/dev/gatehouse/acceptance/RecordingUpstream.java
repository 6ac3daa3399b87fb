package dev.gatehouse.acceptance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * A team's REST API behind {@code /bff}: a real HTTP server (the JDK's) that records every request it gets and
 * accepts only bearer tokens that verify against Gatehouse's published JWKS (jose4j: signature, issuer, audience,
 * expiry), answering 401 otherwise, as any resource server would. It also tries to set a cookie of Gatehouse's
 * own and to open itself to every origin by CORS, which the proxy must not let through.
 */
final class RecordingUpstream implements AutoCloseable {

    static final String BASE_PATH = "/team-api";

    /** One request as the upstream saw it; {@code subject} is present when its bearer token verified. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, String body,
            Optional<String> subject) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile JwtConsumer verifier;

    RecordingUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /** The URL to configure as {@code gatehouse.bff.upstream-url} (with a base path, as teams deploy). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    /** Accept tokens of this issuer and audience, verified with the keys at {@code jwks}. */
    void trust(URI jwks, String issuer, String audience) {
        verifier = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks.toString())))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, AlgorithmIdentifiers.EDDSA)
                .build();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    Seen last() {
        if (seen.isEmpty()) {
            throw new AssertionError("the upstream received no request");
        }
        return seen.get(seen.size() - 1);
    }

    private void answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getRawPath().endsWith("/cut-after-head")) {
            exchange.sendResponseHeaders(200, 0); // chunked: the head goes out, then the connection closes without a chunk
            throw new IOException("the upstream fails after its head, before any of its body");
        }
        if (exchange.getRequestURI().getRawPath().endsWith("/not-modified")) {
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Optional<JwtClaims> claims = verify(exchange.getRequestHeaders().getFirst("Authorization"));
            URI uri = exchange.getRequestURI();
            seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                    body, claims.map(RecordingUpstream::subject)));
            exchange.getResponseHeaders().add("Set-Cookie", "__Host-gh_access=planted-by-upstream; Path=/; Secure; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "team_pref=compact; Path=/");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Credentials", "true");
            int status = claims.isPresent() ? 200 : 401;
            if (status == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            byte[] answer = Json.write(Map.of("upstream", "team-api", "verified", claims.isPresent(), "echo", body))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private Optional<JwtClaims> verify(String authorization) {
        if (verifier == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.processToClaims(authorization.substring("Bearer ".length())));
        } catch (InvalidJwtException rejected) {
            return Optional.empty();
        }
    }

    private static String subject(JwtClaims claims) {
        try {
            return claims.getSubject();
        } catch (org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
