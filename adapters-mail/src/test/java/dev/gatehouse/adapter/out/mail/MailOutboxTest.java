package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailOutboxTest {

    private final MailTemplates templates = new MailTemplates("https://app.example");

    @Test
    void a_failed_attempt_is_retried_and_then_counts_as_sent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        MailOutbox outbox = new MailOutbox(templates, message -> {
            if (attempts.incrementAndGet() == 1) {
                throw new MessagingException("451 try again later");
            }
        }, new MailOutbox.Retries(5, Duration.ofMillis(1)), 10);

        outbox.send(Mails.aPasswordChange("ada@example.com"));

        Mails.await(() -> outbox.sent() == 1);
        assertThat(outbox.retried()).isEqualTo(1);
        assertThat(outbox.failed()).isZero();
        outbox.close();
    }

    @Test
    void beyond_its_capacity_the_outbox_drops_and_counts_instead_of_queueing_without_bound() throws Exception {
        var release = new CountDownLatch(1);
        MailOutbox outbox = new MailOutbox(templates, message -> awaitQuietly(release),
                new MailOutbox.Retries(1, Duration.ZERO), 2);

        for (int i = 0; i < 5; i++) {
            outbox.send(Mails.aPasswordChange("ada@example.com"));
        }
        assertThat(outbox.dropped()).isEqualTo(3);
        assertThat(outbox.pending()).isEqualTo(2);

        release.countDown();
        Mails.await(() -> outbox.sent() == 2);
        assertThat(outbox.pending()).isZero();
        outbox.close();
    }

    @Test
    void retries_wait_longer_each_time_up_to_a_bound() {
        var retries = new MailOutbox.Retries(20, Duration.ofSeconds(2));
        assertThat(retries.delayBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retries.delayBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retries.delayBefore(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retries.delayBefore(20)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void after_shutdown_a_message_is_dropped_not_thrown_at_the_caller() throws Exception {
        MailOutbox outbox = new MailOutbox(templates, message -> { }, new MailOutbox.Retries(1, Duration.ZERO), 2);
        outbox.close();
        outbox.send(Mails.aPasswordChange("ada@example.com"));
        assertThat(outbox.dropped()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
