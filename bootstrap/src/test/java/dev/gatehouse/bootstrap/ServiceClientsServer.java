package dev.gatehouse.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A server with service clients, started once per test JVM: {@code ops} (scopes {@code admin reports}, a
 * secret with characters that RFC 6749 §2.3.1 form-encodes inside HTTP Basic, and a previous secret still
 * accepted), and {@code reporter} (scope {@code reports} only).
 */
final class ServiceClientsServer {

    static final String OPS_SECRET = "ops:secret/with+special%chars=" + "x".repeat(16);
    static final String OPS_PREVIOUS_SECRET = "the-previous-ops-secret-" + "y".repeat(16);
    static final String REPORTER_SECRET = "reporter-secret-" + "z".repeat(24);

    private static EmbeddedServer server;

    private ServiceClientsServer() {
    }

    static synchronized EmbeddedServer shared() {
        if (server == null) {
            server = GatehouseServer.start(Map.of(
                    "gatehouse.clients.ops.delivery", "service",
                    "gatehouse.clients.ops.secret", OPS_SECRET,
                    "gatehouse.clients.ops.previous-secret", OPS_PREVIOUS_SECRET,
                    "gatehouse.clients.ops.scopes", List.of("admin", "reports"),
                    "gatehouse.clients.reporter.delivery", "service",
                    "gatehouse.clients.reporter.secret", REPORTER_SECRET,
                    "gatehouse.clients.reporter.scopes", List.of("reports")));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** {@code Authorization: Basic} as RFC 6749 §2.3.1 builds it: id and secret form-urlencoded, then joined. */
    static String basic(String clientId, String secret) {
        String pair = HttpFixture.form(Map.of("x", clientId)).substring(2) + ":" + HttpFixture.form(Map.of("x", secret)).substring(2);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A client credentials request by HTTP Basic with extra form {@code fields}. */
    static HttpResponse<String> tokenByBasic(HttpFixture http, String clientId, String secret, Map<String, String> fields) {
        return postByBasic(http, "/auth/token", clientId, secret, fields);
    }

    static HttpResponse<String> postByBasic(HttpFixture http, String path, String clientId, String secret, Map<String, String> fields) {
        return http.send(http.request(path).header("Authorization", basic(clientId, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(HttpFixture.form(fields))));
    }

    /** An access token of {@code ops} with every scope it has. */
    static String opsToken(HttpFixture http) {
        HttpResponse<String> response = tokenByBasic(http, "ops", OPS_SECRET, Map.of("grant_type", "client_credentials"));
        if (response.statusCode() != 200) {
            throw new AssertionError("client credentials failed: " + response.statusCode() + " " + response.body());
        }
        return (String) http.object(response).get("access_token");
    }

    /** How many security events of {@code type} name {@code client} (and {@code user}, unless null). */
    static int eventsOf(String type, String client, String user) throws Exception {
        return count("SELECT count(*) FROM security_event WHERE type = ? AND client_id = ? "
                + "AND (CAST(? AS uuid) IS NULL OR user_id = CAST(? AS uuid))", type, client, uuidOrNull(user), uuidOrNull(user));
    }

    /** The client addresses of the security events of {@code type} concerning {@code user}. */
    static List<String> addressesOf(String type, String user) throws Exception {
        return strings("SELECT client_address FROM security_event WHERE type = ? AND user_id = ?", type, UUID.fromString(user));
    }

    /** How many rows of {@code table} belong to {@code user}. */
    static int rowsOf(String table, String user) throws Exception {
        return count("SELECT count(*) FROM " + table + " WHERE user_id = ?", UUID.fromString(user));
    }

    private static int count(String sql, Object... parameters) throws Exception {
        return Integer.parseInt(strings(sql, parameters).get(0));
    }

    /** The first column of every row of the query, as text. */
    private static List<String> strings(String sql, Object... parameters) throws Exception {
        var raw = shared().getApplicationContext().getBean(DataSource.class);
        try (var connection = raw.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i], parameters[i] instanceof String ? Types.VARCHAR : Types.OTHER);
            }
            List<String> values = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static UUID uuidOrNull(String user) {
        return user == null ? null : UUID.fromString(user);
    }
}
