package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.adapter.out.mail.MailStatistics;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A mail server that accepts connections and then never answers (the worst kind of down): requests
 * that send mail still answer at once, and each mail is counted as failed after its attempts, logged
 * without its token, and {@code /metrics} counts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailOutageTest {

    private final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private ServerSocket blackHole;
    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAndStall, "smtp-black-hole");
        acceptor.setDaemon(true);
        acceptor.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.gatehouse.adapter.out.mail")).addAppender(logs);
        server = GatehouseServer.start(Map.of("gatehouse.mail.smtp.host", "127.0.0.1", "gatehouse.mail.smtp.port", blackHole.getLocalPort(),
                "gatehouse.mail.smtp.timeout", "1s", "gatehouse.mail.max-attempts", 2, "gatehouse.mail.first-retry-delay", "10ms"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        ((Logger) LoggerFactory.getLogger("dev.gatehouse.adapter.out.mail")).detachAppender(logs);
        blackHole.close();
        for (Socket socket : stalled) {
            socket.close();
        }
    }

    @Test
    void requests_answer_at_once_and_the_mail_counts_as_failed_without_its_token_in_the_log() {
        MailStatistics mail = server.getApplicationContext().getBean(MailStatistics.class);
        String email = HttpFixture.anEmail();
        http.register(email);

        Instant before = Instant.now();
        HttpResponse<String> reset = http.postJson("/auth/password-reset", http.toJson(Map.of("email", email)));
        Duration took = Duration.between(before, Instant.now());

        assertThat(reset.statusCode()).isEqualTo(202);
        assertThat(took).as("the SMTP timeout is 1 s and there are 2 attempts: none of it is waited for").isLessThan(Duration.ofMillis(900));
        awaitFailures(mail, 2);
        assertThat(mail.sent()).isZero();
        assertThat(mail.retried()).isEqualTo(2);
        assertThat(MetricsScrape.of(http).samples()).containsEntry("gatehouse_mail_messages_total{outcome=\"failed\"}", 2.0)
                .containsEntry("gatehouse_mail_messages_total{outcome=\"sent\"}", 0.0)
                .containsEntry("gatehouse_mail_messages_total{outcome=\"rejected\"}", 0.0)
                .containsEntry("gatehouse_mail_retries_total", 2.0).containsEntry("gatehouse_mail_pending", 0.0);
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.contains("password_reset not delivered after 2 attempt(s)"))
                .noneMatch(line -> line.contains("token="));
    }

    private void awaitFailures(MailStatistics mail, int failures) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (mail.failed() < failures && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        assertThat(mail.failed()).isEqualTo(failures);
    }

    private void acceptAndStall() {
        while (!blackHole.isClosed()) {
            try {
                stalled.add(blackHole.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }
}
