package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With the relay down, what a request hands to the outbox waits in the database: sealed, so that a database reader
 * finds neither a link, nor its token, nor the text; and erasing the account deletes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableMailTest {

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        server = GatehouseServer.start(Map.of("gatehouse.mail.smtp.host", "127.0.0.1", "gatehouse.mail.smtp.port", closedPort,
                "gatehouse.mail.max-attempts", 20, "gatehouse.mail.first-retry-delay", "1h"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private record Row(String kind, String recipient, byte[] content) {
    }

    @Test
    void waiting_mail_is_stored_sealed_and_erased_with_its_account() throws SQLException {
        String email = HttpFixture.anEmail();
        String accessToken = (String) http.register(email).get("access_token");
        assertThat(http.postJson("/auth/password-reset", http.toJson(Map.of("email", email))).statusCode()).isEqualTo(202);

        List<Row> waiting = rowsTo(email);
        for (Instant deadline = Instant.now().plusSeconds(10); waiting.size() < 2 && Instant.now().isBefore(deadline); ) {
            waiting = rowsTo(email); // the reset link is made and its mail stored after the 202
        }

        assertThat(waiting).extracting(Row::kind).containsExactlyInAnyOrder("email_verification", "password_reset");
        for (Row row : waiting) {
            String content = new String(row.content(), StandardCharsets.ISO_8859_1);
            assertThat(content).doesNotContain("token=").doesNotContain("reset-password").doesNotContain("verify-email")
                    .doesNotContain(email).doesNotContain("Hello");
        }

        var deleted = LifecycleServer.send(http, "DELETE", "/auth/me", accessToken, http.toJson(Map.of("password", HttpFixture.PASSWORD)));

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(rowsTo(email)).as("erased with the account").isEmpty();
    }

    private List<Row> rowsTo(String email) throws SQLException {
        DataSource database = server.getApplicationContext().getBean(DataSource.class);
        try (Connection connection = database.getConnection();
                var query = connection.prepareStatement("SELECT kind, recipient, content FROM outgoing_mail WHERE recipient = ?")) {
            query.setString(1, email.toLowerCase(java.util.Locale.ROOT));
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(row.getString("kind"), row.getString("recipient"), row.getBytes("content")));
                }
            }
            return rows;
        }
    }
}
