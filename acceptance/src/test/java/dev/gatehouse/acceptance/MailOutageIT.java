package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A jar of its own whose SMTP server accepts connections and never answers (a hung mail server, the worst kind of
 * down): requests that send e-mail answer at once anyway, and {@code /metrics} counts each e-mail as failed once its
 * two attempts have timed out (3 s each).
 */
class MailOutageIT {

    private static final Duration SMTP_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void a_hung_mail_server_neither_fails_nor_slows_a_reset_and_the_failed_mail_is_counted() throws IOException {
        try (ServerSocket hungSmtp = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> holdEveryConnection(hungSmtp, held), "hung-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            try (GatehouseJar jar = GatehouseJar.start("mail-outage", port -> new JarLaunch(JarLaunch.LEAN, Map.of(
                    "micronaut.server.port", String.valueOf(port),
                    "gatehouse.mail.smtp.host", "127.0.0.1",
                    "gatehouse.mail.smtp.port", String.valueOf(hungSmtp.getLocalPort()),
                    "gatehouse.mail.smtp.timeout", SMTP_TIMEOUT.toSeconds() + "s",
                    "gatehouse.mail.max-attempts", "2",
                    "gatehouse.mail.first-retry-delay", "10ms"), Optional.empty()))) {
                Http http = new Http(jar.base());
                String email = Gatehouse.anEmail();
                Gatehouse.register(http, email);

                Instant before = Instant.now();
                HttpResponse<String> reset = http.postJson("/auth/password-reset", Json.write(Map.of("email", email)));
                Duration took = Duration.between(before, Instant.now());

                assertThat(reset.statusCode()).isEqualTo(202);
                assertThat(took).as("shorter than one SMTP timeout: the request waits for no mail server").isLessThan(SMTP_TIMEOUT);
                assertThat(awaitFailedMails(http, 2)).as("the registration's verification e-mail and the reset e-mail").isEqualTo(2);
                assertThat(metric(http, "gatehouse_mail_messages_total{outcome=\"sent\"}")).isZero();
                assertThat(metric(http, "gatehouse_mail_retries_total")).isEqualTo(2);
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /** Polls {@code /metrics} until {@code expected} e-mails count as failed, or 30 s have passed; the last count. */
    private static double awaitFailedMails(Http http, double expected) {
        Instant giveUp = Instant.now().plusSeconds(30);
        double failed = metric(http, "gatehouse_mail_messages_total{outcome=\"failed\"}");
        while (failed < expected && Instant.now().isBefore(giveUp)) {
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            failed = metric(http, "gatehouse_mail_messages_total{outcome=\"failed\"}");
        }
        return failed;
    }

    /** The value of one series in a scrape of {@code /metrics} (Prometheus text format). */
    private static double metric(Http http, String series) {
        HttpResponse<String> scrape = http.get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        return scrape.body().lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .orElseThrow(() -> new AssertionError("no " + series + " in /metrics"));
    }

    private static void holdEveryConnection(ServerSocket server, List<Socket> held) {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }
}
