package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A mail server that answers a command with a negative reply (RFC 5321 §4.2.1): a permanent one (5yz) is
 * given up at once, a transient one (4yz) is retried; the log names neither address nor token. The greeting
 * and {@code AUTH} (RFC 4954 §6) count like any other command.
 */
class SmtpRefusalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "greeting  | 554 5.3.2 refusing.example has no service for you",
            "AUTH      | 535 5.7.8 authentication credentials invalid",
            "RCPT TO   | 550 5.1.1 <ada@example.com>: mailbox unavailable",
            "MAIL FROM | 553 5.7.1 <no-reply@example.com>: sender address rejected",
            ".         | 554 5.7.1 message to <ada@example.com> refused"})
    void a_permanent_refusal_is_not_retried_and_counts_as_rejected(String command, String reply) throws Exception {
        var logs = Mails.captureLogs();
        try (var server = new RefusingSmtpServer(command, reply)) {
            MailOutbox outbox = outboxTo(server.port());
            outbox.send(Mails.aVerification("ada@example.com"));

            Mails.await(() -> outbox.rejected() == 1);
            outbox.close();
            assertThat(server.connections()).as("one attempt").isEqualTo(1);
            assertThat(outbox.retried()).isZero();
            assertThat(outbox.failed()).isZero();
            assertThat(outbox.pending()).isZero();
            assertThat(Mails.lines(logs)).anyMatch(line -> line.equals("e-mail email_verification rejected by the mail server (reply "
                    + reply.substring(0, 3) + "), not retried"));
            assertThat(Mails.lines(logs)).noneMatch(line -> line.contains("example.com") || line.contains(Mails.TOKEN));
        } finally {
            logs.stop();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AUTH | 454 4.7.0 temporary authentication failure",
            ".    | 451 4.3.0 message to <ada@example.com> deferred"})
    void a_transient_refusal_is_retried_and_after_the_last_attempt_counts_as_failed(String command, String reply) throws Exception {
        var logs = Mails.captureLogs();
        try (var server = new RefusingSmtpServer(command, reply)) {
            MailOutbox outbox = outboxTo(server.port());
            outbox.send(Mails.aVerification("ada@example.com"));

            Mails.await(() -> outbox.failed() == 1);
            outbox.close();
            assertThat(server.connections()).isEqualTo(3);
            assertThat(outbox.retried()).isEqualTo(2);
            assertThat(outbox.rejected()).isZero();
            assertThat(Mails.lines(logs)).anyMatch(line -> line.startsWith("e-mail email_verification not delivered after 3 attempt(s)")
                    && line.contains(reply.substring(0, 3))).noneMatch(line -> line.contains("example.com") || line.contains(Mails.TOKEN));
        } finally {
            logs.stop();
        }
    }

    private static MailOutbox outboxTo(int port) throws Exception {
        var smtp = new SmtpSettings("127.0.0.1", port, false, "gatehouse", "a relay password", Duration.ofSeconds(5));
        var transport = new SmtpTransport(smtp, new InternetAddress("Gatehouse <no-reply@example.com>"), Clock.systemUTC());
        return Mails.outbox(transport, new MailOutbox.Retries(3, Duration.ofMillis(10)), 100);
    }
}
