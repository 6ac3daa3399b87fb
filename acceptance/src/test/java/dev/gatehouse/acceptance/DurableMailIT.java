package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reset mail accepted while the relay is down survives a {@code kill -9} of the jar that accepted it: the next
 * start on the same database sends it once the relay is up, and its link works. Both jars run in production mode
 * (keys from {@code --generate-keys}) on a database of their own in the embedded PostgreSQL of a development-mode
 * jar, which outlives them, as StartChecksIT does it.
 */
class DurableMailIT {

    private static final String NEW_PASSWORD = "a passphrase chosen after the crash";

    @Test
    void a_reset_mail_accepted_before_a_kill_9_arrives_from_the_next_start_and_its_link_works() throws Exception {
        try (GatehouseJar holder = GatehouseJar.start("durable-mail-db", port -> new JarLaunch(JarLaunch.LEAN,
                Map.of("micronaut.server.port", Integer.toString(port)), Optional.empty()))) {
            String url = "jdbc:postgresql://127.0.0.1:" + holder.embeddedDatabasePort() + "/";
            try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE durable_mail");
            }
            int relayPort = aClosedPort();
            Map<String, String> production = new HashMap<>(generatedKeys());
            production.putAll(Map.of("DATASOURCES_DEFAULT_URL", url + "durable_mail", "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "GATEHOUSE_MAIL_SMTP_HOST", "127.0.0.1", "GATEHOUSE_MAIL_SMTP_PORT", Integer.toString(relayPort),
                    "GATEHOUSE_MAIL_SMTP_TIMEOUT", "1s", "GATEHOUSE_MAIL_FIRST_RETRY_DELAY", "1s",
                    "GATEHOUSE_MAIL_MAX_ATTEMPTS", "20"));
            String email = Gatehouse.anEmail();

            GatehouseJar crashing = GatehouseJar.start("durable-mail-first", port -> production(port, production));
            try {
                Http http = new Http(crashing.base());
                Gatehouse.register(http, email);
                assertThat(http.postJson("/auth/password-reset", Json.write(Map.of("email", email))).statusCode()).isEqualTo(202);
                awaitStoredReset(url + "durable_mail"); // stored right after the answer, which must not wait for it (timing)
                crashing.kill();
            } finally {
                crashing.close();
            }

            try (SmtpInbox relay = new SmtpInbox(relayPort);
                    GatehouseJar next = GatehouseJar.start("durable-mail-next", port -> production(port, production))) {
                Http http = new Http(next.base());
                SmtpInbox.Received reset = awaitSubject(relay, email, "Reset your password");

                HttpResponse<String> confirmed = http.postJson("/auth/password-reset/confirm",
                        Json.write(Map.of("token", reset.linkToken("reset-password"), "newPassword", NEW_PASSWORD)));

                assertThat(confirmed.statusCode()).isEqualTo(204);
                assertThat(http.postForm("/auth/token", Map.of("grant_type", "password", "username", email, "password", NEW_PASSWORD,
                        "client_id", "api")).statusCode()).isEqualTo(200);
                relay.awaitMessage(email, 3);
                assertThat(relay.to(email)).extracting(SmtpInbox.Received::subject).as("each mail once, the verification mail too (retried on its own schedule)")
                        .containsExactlyInAnyOrder("Confirm your e-mail address", "Reset your password", "Your password was changed");
            }
        }
    }

    /** Waits (at most 10 s) until the outbox holds the reset mail. */
    private static void awaitStoredReset(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                ResultSet stored = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM outgoing_mail WHERE kind = 'password_reset'");
                stored.next();
                if (stored.getInt(1) > 0) {
                    return;
                }
            }
        }
        throw new AssertionError("the reset mail was not stored within 10 s of its 202");
    }

    /** The mail to {@code recipient} with {@code subject}: the verification mail may come first. */
    private static SmtpInbox.Received awaitSubject(SmtpInbox inbox, String recipient, String subject) {
        for (int n = 1; n <= 2; n++) {
            SmtpInbox.Received received = inbox.awaitMessage(recipient, n);
            if (received.subject().equals(subject)) {
                return received;
            }
        }
        throw new AssertionError("no e-mail \"" + subject + "\" to " + recipient + ": " + inbox.to(recipient));
    }

    private static JarLaunch production(int port, Map<String, String> environment) {
        return new JarLaunch(JarLaunch.LEAN, Map.of("micronaut.server.port", Integer.toString(port)), Optional.of("""
                gatehouse:
                  issuer: "http://localhost:%d"
                  audience: gatehouse
                  clients:
                    api:
                      delivery: body
                  mail:
                    from: "Gatehouse <no-reply@example.com>"
                    link-base-url: %s
                """.formatted(port, SmtpInbox.LINK_BASE_URL)), environment);
    }

    /** The environment lines {@code java -jar gatehouse.jar --generate-keys} prints, as a map. */
    private static Map<String, String> generatedKeys() throws IOException, InterruptedException {
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JarLaunch.artifact().toString(), "--generate-keys").redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Map<String, String> environment = new HashMap<>();
        output.lines().filter(line -> line.startsWith("GATEHOUSE_") && line.contains("=")).forEach(line -> {
            String value = line.substring(line.indexOf('=') + 1);
            environment.put(line.substring(0, line.indexOf('=')), value.startsWith("'") ? value.substring(1, value.length() - 1) : value);
        });
        assertThat(environment).as(output).containsKeys("GATEHOUSE_KEYS_SIGNING", "GATEHOUSE_KEYS_REFRESH_SECRETS");
        return environment;
    }

    /** A loopback port nobody listens on: the relay is down until {@link SmtpInbox#SmtpInbox(int)} opens it. */
    private static int aClosedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
