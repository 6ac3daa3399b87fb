package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.adapter.out.security.KeyMaterial;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database goes away and comes back, or stops answering on its open connections (a frozen server, a network
 * that drops packets): 503 problems meanwhile, within seconds, and recovery without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private EmbeddedServer server;

    @BeforeAll
    void start() throws Exception {
        dataDirectory = Files.createTempDirectory("gatehouse-outage-pg");
        postgres = database(true);
        port = postgres.getPort();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        var key = KeyMaterial.signingKeySet("EdDSA", new SecureRandom());
        server = GatehouseServer.start(Map.of(
                "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "",
                "datasources.default.connection-timeout", 1000,
                "gatehouse.mail.smtp.host", "127.0.0.1",
                "gatehouse.keys.signing", key,
                "gatehouse.keys.refresh-secret", Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
                "gatehouse.tokens.signing-algorithm", JWSAlgorithm.EdDSA.getName()));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        postgres.close();
    }

    @Test
    void requests_get_a_fast_503_while_the_database_is_down_and_work_again_after() throws Exception {
        var http = new HttpFixture(server);
        Map<String, Object> session = http.register(HttpFixture.anEmail());

        postgres.close();
        Instant before = Instant.now();
        HttpResponse<String> refresh = http.refresh((String) session.get("refresh_token"));
        HttpResponse<String> health = http.send(http.request("/health").GET());
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(refresh.statusCode()).isEqualTo(503);
        assertThat(http.object(refresh)).containsEntry("error", "temporarily_unavailable");
        assertThat(refresh.headers().firstValue("Retry-After")).isPresent();
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        postgres = database(false);
        HttpResponse<String> recovered = awaitRecovery(http, (String) session.get("refresh_token"));
        assertThat(recovered.statusCode()).as("the session survived the outage").isEqualTo(200);
    }

    @Test
    void a_database_that_stops_answering_gets_503s_within_seconds_not_requests_that_hang() throws Exception {
        var http = new HttpFixture(server);
        Map<String, Object> session = http.register(HttpFixture.anEmail());
        HttpResponse<String> refresh;
        HttpResponse<String> readiness;
        signal("STOP");
        try {
            refresh = http.refresh((String) session.get("refresh_token"));
            readiness = http.send(http.request("/health/readiness").GET());
        } finally {
            signal("CONT");
        }
        assertThat(refresh.statusCode()).as("the HTTP client would have given up after 30 s").isEqualTo(503);
        assertThat(http.object(refresh)).containsEntry("error", "temporarily_unavailable");
        assertThat(readiness.statusCode()).isEqualTo(503);

        HttpResponse<String> health;
        Instant deadline = Instant.now().plusSeconds(20);
        do {
            health = http.send(http.request("/health").GET());
        } while (health.statusCode() != 200 && Instant.now().isBefore(deadline));
        assertThat(health.statusCode()).as("recovered").isEqualTo(200);
    }

    /** Sends {@code kill -<name>} to the database server and every process it started (its connections). */
    /**
     * Signals the postmaster first, then its backends: listed only once the postmaster is stopped, so that a backend
     * it forked for a new connection a moment before is stopped too (it would go on answering).
     */
    private void signal(String name) throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        kill(name, List.of(postmaster));
        kill(name, ProcessHandle.of(postmaster).orElseThrow().descendants().map(ProcessHandle::pid).toList());
    }

    private static void kill(String signal, List<Long> processes) throws Exception {
        if (processes.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(process -> command.add(Long.toString(process)));
        assertThat(new ProcessBuilder(command).inheritIO().start().waitFor()).isZero();
    }

    private HttpResponse<String> awaitRecovery(HttpFixture http, String refreshToken) {
        Instant deadline = Instant.now().plusSeconds(20);
        HttpResponse<String> health;
        do {
            health = http.send(http.request("/health").GET());
        } while (health.statusCode() != 200 && Instant.now().isBefore(deadline));
        return http.refresh(refreshToken);
    }

    private EmbeddedPostgres database(boolean fresh) throws Exception {
        var builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        return fresh ? builder.start() : builder.setPort(port).start();
    }
}
