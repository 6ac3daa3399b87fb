package dev.gatehouse.adapter.out.mail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gatehouse.application.port.out.mail.Notification;
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

    static Notification.PasswordChanged aPasswordChange(String to) {
        return new Notification.PasswordChanged(EmailAddress.of(to), Instant.parse("2026-05-01T10:15:00Z"));
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
