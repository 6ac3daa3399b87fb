package dev.gatehouse.adapter.out.mail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.testing.FakeMailSealer;
import dev.gatehouse.application.testing.InMemoryOutgoingMails;
import java.time.Clock;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/** Fixtures of the mail adapter's tests. */
final class Mails {

    static final String TOKEN = "T0kenT0kenT0kenT0kenT0kenT0kenT0kenT0kenT0k";
    private static final Duration POLL = Duration.ofMillis(10);

    private Mails() {
    }

    static Notification.EmailVerification aVerification(String to) {
        return new Notification.EmailVerification(EmailAddress.of(to), TOKEN, Duration.ofHours(24));
    }

    static Notification.PasswordReset aPasswordReset(String to) {
        return new Notification.PasswordReset(EmailAddress.of(to), TOKEN, Duration.ofMinutes(30));
    }

    static Notification.PasswordChanged aPasswordChange(String to) {
        return new Notification.PasswordChanged(EmailAddress.of(to), Instant.parse("2026-05-01T10:15:00Z"));
    }

    /** A started outbox on {@code mails} (sealed by a {@link FakeMailSealer} of key {@code k1}), polling every 5 ms. */
    static MailOutbox outbox(MailTransport transport, OutgoingMails mails, MailOutbox.Retries retries, int capacity, Duration lease,
            Clock clock) {
        var outbox = new MailOutbox(new MailTemplates("https://app.example/"), transport, mails, new FakeMailSealer("k1"), retries,
                new MailOutbox.Queueing(capacity, lease, Duration.ofMillis(5)), clock);
        outbox.start();
        return outbox;
    }

    /** An outbox on {@code mails}, leases of 30 s, on the system clock. */
    static MailOutbox outbox(MailTransport transport, MailOutbox.Retries retries, OutgoingMails mails, int capacity) {
        return outbox(transport, mails, retries, capacity, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** An outbox of its own, leases of 30 s, on the system clock. */
    static MailOutbox outbox(MailTransport transport, MailOutbox.Retries retries, int capacity) {
        return outbox(transport, new InMemoryOutgoingMails(), retries, capacity, Duration.ofSeconds(30), Clock.systemUTC());
    }

    /** Waits for {@code condition} for up to ten seconds, polling every 10 ms. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** Collects what the mail adapter logs, until {@link ListAppender#stop()}. */
    static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger("dev.gatehouse.adapter.out.mail")).addAppender(appender);
        return appender;
    }

    static List<String> lines(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
