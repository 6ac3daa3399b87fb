package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail goes out over real SMTP (GreenMail in this JVM) and reads as a mail client reads it. */
class SmtpDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void a_verification_link_arrives_as_text_and_html_with_the_token_in_the_fragment() throws Exception {
        MailOutbox outbox = outboxTo(SMTP.getSmtp().getPort());
        outbox.send(Mails.aVerification("ada@example.com"));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Confirm your e-mail address");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("Gatehouse <no-reply@example.com>"));
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("ada@example.com"));
        assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String link = "https://app.example/verify-email#token=" + Mails.TOKEN;
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).startsWith("Hello,").contains(link).contains("24 hours");
        assertThat(html).contains("<p>Hello,</p>").contains("href=\"" + link + "\"");
        assertThat(outbox.sent()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
        outbox.close();
    }

    @Test
    void a_mail_server_that_is_down_never_holds_up_the_sender_and_the_failure_is_counted_without_the_token() throws Exception {
        int closedPort = SMTP.getSmtp().getPort();
        SMTP.stop();
        var logs = Mails.captureLogs();
        MailOutbox outbox = outboxTo(closedPort);
        try {
            long started = System.nanoTime();
            outbox.send(Mails.aVerification("ada@example.com"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));

            Mails.await(() -> outbox.failed() == 1);
            assertThat(outbox.retried()).isEqualTo(2);
            assertThat(outbox.sent()).isZero();
            assertThat(Mails.lines(logs)).anyMatch(line -> line.contains("email_verification not delivered after 3 attempt(s)"))
                    .noneMatch(line -> line.contains(Mails.TOKEN));
        } finally {
            logs.stop();
            outbox.close();
            SMTP.start();
        }
    }

    private static MailOutbox outboxTo(int port) throws Exception {
        var smtp = new SmtpSettings("127.0.0.1", port, false, "", "", Duration.ofSeconds(5));
        var transport = new SmtpTransport(smtp, new InternetAddress("Gatehouse <no-reply@example.com>"), Clock.fixed(NOW, ZoneOffset.UTC));
        return Mails.outbox(transport, new MailOutbox.Retries(3, Duration.ofMillis(10)), 100);
    }
}
