package dev.gatehouse.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.port.out.mail.SealedContent;
import dev.gatehouse.application.testing.FakeMailSealer;
import dev.gatehouse.application.testing.InMemoryOutgoingMails;
import dev.gatehouse.application.testing.MutableClock;
import dev.gatehouse.domain.user.EmailAddress;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MailOutboxTest {

    private static final MailOutbox.Retries PATIENT = new MailOutbox.Retries(5, Duration.ofMillis(1));
    private final InMemoryOutgoingMails store = new InMemoryOutgoingMails();

    @Test
    void a_failed_attempt_is_retried_and_then_counts_as_sent() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        MailOutbox outbox = Mails.outbox(message -> {
            if (attempts.incrementAndGet() == 1) {
                throw new MessagingException("451 try again later");
            }
        }, PATIENT, 10);

        outbox.send(Mails.aPasswordChange("ada@example.com"));

        Mails.await(() -> outbox.sent() == 1);
        assertThat(outbox.retried()).isEqualTo(1);
        assertThat(outbox.failed()).isZero();
        assertThat(outbox.pending()).isZero();
        outbox.close();
    }

    @Test
    void beyond_its_capacity_the_outbox_drops_and_counts_instead_of_queueing_without_bound() throws Exception {
        var release = new CountDownLatch(1);
        MailOutbox outbox = Mails.outbox(message -> awaitQuietly(release), new MailOutbox.Retries(1, Duration.ZERO), 2);

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
    void a_message_accepted_while_the_relay_is_down_is_sent_by_the_next_instance_on_the_same_store() throws Exception {
        MailOutbox stopped = Mails.outbox(message -> {
            throw new MessagingException("connection refused");
        }, new MailOutbox.Retries(5, Duration.ofMinutes(1)), store, 10);
        stopped.send(Mails.aPasswordReset("ada@example.com"));
        Mails.await(() -> stopped.retried() == 1);
        stopped.close();
        assertThat(store.pending()).as("kept through the stop").isOne();

        List<MailMessage> delivered = new CopyOnWriteArrayList<>();
        MutableClock later = new MutableClock(Instant.now().plus(Duration.ofMinutes(2)));
        MailOutbox next = Mails.outbox(delivered::add, store, PATIENT, 10, Duration.ofSeconds(30), later);

        Mails.await(() -> next.sent() == 1);
        assertThat(delivered).singleElement().satisfies(message -> {
            assertThat(message.kind()).isEqualTo("password_reset");
            assertThat(message.to()).isEqualTo("ada@example.com");
            assertThat(message.text()).contains("reset-password#token=" + Mails.TOKEN);
        });
        assertThat(next.pending()).isZero();
        next.close();
    }

    @Test
    void a_message_whose_instance_died_while_sending_is_sent_by_another_once_its_lease_ends() throws Exception {
        var hung = new CountDownLatch(1);
        var started = new CountDownLatch(1);
        MailOutbox dying = Mails.outbox(message -> {
            started.countDown();
            awaitQuietly(hung);
        }, store, PATIENT, 10, Duration.ofMillis(50), Clock.systemUTC());
        dying.send(Mails.aPasswordChange("ada@example.com"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        MailOutbox other = Mails.outbox(message -> { }, store, PATIENT, 10, Duration.ofSeconds(30), Clock.systemUTC());
        Mails.await(() -> other.sent() == 1);
        hung.countDown();
        dying.close();

        assertThat(store.pending()).isZero();
        other.close();
    }

    @Test
    void a_link_that_expired_while_the_relay_was_down_is_given_up_without_another_attempt() throws Exception {
        var logs = Mails.captureLogs();
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
        AtomicInteger attempts = new AtomicInteger();
        MailOutbox outbox = Mails.outbox(message -> {
            attempts.incrementAndGet();
            throw new MessagingException("connection refused");
        }, store, new MailOutbox.Retries(20, Duration.ofSeconds(2)), 10, Duration.ofSeconds(30), clock);
        try {
            outbox.send(Mails.aPasswordReset("ada@example.com"));
            Mails.await(() -> outbox.retried() == 1);

            clock.advance(Duration.ofMinutes(31));

            Mails.await(() -> outbox.failed() == 1);
            assertThat(attempts).hasValue(1);
            assertThat(outbox.pending()).isZero();
            assertThat(Mails.lines(logs)).anyMatch(line -> line.contains("e-mail password_reset given up without an attempt: its link has expired"))
                    .noneMatch(line -> line.contains(Mails.TOKEN));
        } finally {
            logs.stop();
            outbox.close();
        }
    }

    @Test
    void a_message_whose_key_is_gone_is_retried_and_given_up_once_its_attempts_run_out() throws Exception {
        var logs = Mails.captureLogs();
        store.offer(new OutgoingMails.NewMail("password_reset", EmailAddress.of("ada@example.com"),
                new SealedContent("removed", new byte[] {1, 2, 3}), null, Instant.now()), 10);
        AtomicInteger attempts = new AtomicInteger();
        MailOutbox outbox = Mails.outbox(message -> attempts.incrementAndGet(), store, PATIENT, 10, Duration.ofSeconds(30), Clock.systemUTC());
        try {
            Mails.await(() -> outbox.failed() == 1);

            assertThat(outbox.retried()).isEqualTo(PATIENT.attempts() - 1);
            assertThat(attempts).as("deliveries").hasValue(0);
            assertThat(outbox.pending()).isZero();
            assertThat(Mails.lines(logs)).anyMatch(line -> line.contains("e-mail password_reset given up without an attempt: its key removed is gone"));
        } finally {
            logs.stop();
            outbox.close();
        }
    }

    /** A fleet amid a refresh-secret rotation: the instance without the mail's key leaves it to one that has it. */
    @Test
    void a_message_sealed_under_a_key_this_instance_lacks_is_sent_by_an_instance_that_has_it() throws Exception {
        MailOutbox sealedUnderK1 = Mails.outbox(message -> {
            throw new MessagingException("connection refused");
        }, new MailOutbox.Retries(5, Duration.ofMillis(1)), store, 10);
        sealedUnderK1.close(); // stopped before its worker ran: the mail waits, due
        sealedUnderK1.send(Mails.aPasswordChange("ada@example.com"));
        assertThat(store.pending()).isOne();

        MailOutbox withoutTheKey = new MailOutbox(new MailTemplates("https://app.example/"), message -> { }, store, new FakeMailSealer("k2"),
                new MailOutbox.Retries(5, Duration.ofMinutes(1)), new MailOutbox.Queueing(10, Duration.ofSeconds(30), Duration.ofMillis(5)),
                Clock.systemUTC());
        withoutTheKey.start();
        Mails.await(() -> withoutTheKey.retried() == 1);
        withoutTheKey.close();
        assertThat(withoutTheKey.failed()).isZero();
        assertThat(store.pending()).isOne();

        List<MailMessage> delivered = new CopyOnWriteArrayList<>();
        MailOutbox withTheKey = Mails.outbox(delivered::add, store, PATIENT, 10, Duration.ofSeconds(30),
                new MutableClock(Instant.now().plus(Duration.ofMinutes(2))));
        Mails.await(() -> withTheKey.sent() == 1);
        assertThat(delivered).singleElement().satisfies(message -> assertThat(message.kind()).isEqualTo("password_changed"));
        withTheKey.close();
    }

    @Test
    void after_shutdown_a_message_is_kept_for_the_next_start_not_thrown_at_the_caller() throws Exception {
        MailOutbox outbox = Mails.outbox(message -> { }, store, PATIENT, 10, Duration.ofSeconds(30), Clock.systemUTC());
        outbox.close();
        outbox.send(Mails.aPasswordChange("ada@example.com"));
        assertThat(outbox.dropped()).isZero();
        assertThat(outbox.pending()).isOne();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
