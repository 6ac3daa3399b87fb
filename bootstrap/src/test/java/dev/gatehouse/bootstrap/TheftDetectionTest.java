package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Reuse of a spent refresh token revokes its whole family (RFC 9700 §4.14.2). Runs on a server with no
 * reuse grace, so that the replay is reuse at once, without waiting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TheftDetectionTest {

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() {
        server = GatehouseServer.start(Map.of("gatehouse.tokens.reuse-grace", "0s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void replaying_a_spent_token_revokes_the_family_and_records_the_reuse() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String spent = (String) registered.get("refresh_token");
        Map<String, Object> rotated = http.object(http.refresh(spent));
        String current = (String) rotated.get("refresh_token");

        var replay = http.refresh(spent);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(http.object(replay)).containsEntry("error", "invalid_grant");

        assertThat(http.refresh(current).statusCode()).as("the thief's successor dies with the family").isEqualTo(400);
        assertThat(http.get("/auth/me", (String) rotated.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(reuseEventsOf((String) registered.get("session_id"))).isEqualTo(1);
    }

    @Test
    void a_forged_token_for_a_real_family_touches_nothing() {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String genuine = (String) registered.get("refresh_token");
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "A".repeat(43);
        assertThat(http.refresh(forged).statusCode()).isEqualTo(400);
        String bumped = genuine.replaceFirst("\\.0\\.", ".1.");
        assertThat(http.refresh(bumped).statusCode()).isEqualTo(400);
        assertThat(http.refresh(genuine).statusCode()).as("the family was not touched").isEqualTo(200);
    }

    private int reuseEventsOf(String sessionId) throws Exception {
        DataSource dataSource = server.getApplicationContext().getBean(DataSource.class);
        var raw = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        try (var connection = raw.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT count(*) FROM security_event WHERE type = 'refresh_token_reuse' AND session_id = ?")) {
            statement.setObject(1, UUID.fromString(sessionId));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

}
