package dev.gatehouse.bootstrap.browser;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** What the browser tests observe or do next to the browser: the database's rotation count, a revocation. */
final class ServerSide {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    ServerSide(EmbeddedServer server) {
        this.server = server;
    }

    /** How often the session (refresh family) has been rotated: its generation in the database. */
    long rotations(String sessionId) throws SQLException {
        DataSource raw = server.getApplicationContext().getBean(DataSource.class);
        try (var connection = raw.getConnection();
                var statement = connection.prepareStatement("SELECT generation FROM refresh_family WHERE id = ?")) {
            statement.setObject(1, UUID.fromString(sessionId));
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new AssertionError("no session " + sessionId);
                }
                return rows.getLong(1);
            }
        }
    }

    /** Signs in elsewhere (client {@code api}) and ends every session of the account: {@code 204} expected. */
    int signOutEverywhere(String email, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=api&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(uri("/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body = server.getApplicationContext().getBean(JsonMapper.class)
                .readValue(tokens.body(), Argument.mapOf(String.class, Object.class));
        return http.send(HttpRequest.newBuilder(uri("/auth/sign-out-everywhere"))
                .header("Authorization", "Bearer " + body.get("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String path) {
        return URI.create(server.getURL() + path);
    }
}
