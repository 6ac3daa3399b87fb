package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications off the caller's thread: {@link #send} renders the message and queues it, and
 * returns at once. One worker thread delivers; a failed attempt is retried after a delay that doubles
 * each time (bounded attempts), without holding up the messages behind it, except a permanent refusal
 * (a {@code 5yz} reply, RFC 5321 §4.2.1), which is given up at once. At most {@code capacity}
 * messages wait; beyond that a message is dropped, logged and counted. A message given up is logged before
 * it is counted, so whoever sees the count finds the line. Logs name the kind of message, never its body
 * (which may carry a token).
 */
final class MailOutbox implements Notifications, MailStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final MailTemplates templates;
    private final MailTransport transport;
    private final Retries retries;
    private final int capacity;
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    /** How often and how patiently to try: {@code attempts} in all, the first retry after {@code firstDelay}. */
    record Retries(int attempts, Duration firstDelay) {
        Duration delayBefore(int attempt) {
            Duration delay = firstDelay.multipliedBy(1L << Math.min(attempt - 2, 20));
            return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
        }
    }

    MailOutbox(MailTemplates templates, MailTransport transport, Retries retries, int capacity) {
        this.templates = templates;
        this.transport = transport;
        this.retries = retries;
        this.capacity = capacity;
        this.worker = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-mail");
            thread.setDaemon(true);
            return thread;
        });
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void send(Notification notification) {
        MailMessage message = templates.render(notification);
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("e-mail {} dropped: {} messages are waiting already", message.kind(), capacity);
            return;
        }
        try {
            worker.execute(() -> attempt(message, 1));
        } catch (RejectedExecutionException shuttingDown) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            LOG.warn("e-mail {} dropped: the service is shutting down", message.kind());
        }
    }

    private void attempt(MailMessage message, int attempt) {
        try {
            transport.deliver(message);
            sent.incrementAndGet();
            pending.decrementAndGet();
        } catch (MessagingException | RuntimeException failure) {
            if (failure instanceof SmtpRefusal refusal && refusal.permanent()) {
                reject(message, refusal);
                return;
            }
            if (attempt < retries.attempts() && retryLater(message, attempt + 1)) {
                retried.incrementAndGet();
                return;
            }
            LOG.warn("e-mail {} not delivered after {} attempt(s): {}: {}", message.kind(), attempt,
                    failure.getClass().getSimpleName(), failure.getMessage());
            failed.incrementAndGet();
            pending.decrementAndGet();
        }
    }

    private void reject(MailMessage message, SmtpRefusal refusal) {
        LOG.warn("e-mail {} rejected by the mail server (reply {}), not retried", message.kind(), refusal.replyCode());
        rejected.incrementAndGet();
        pending.decrementAndGet();
    }

    private boolean retryLater(MailMessage message, int attempt) {
        try {
            worker.schedule(() -> attempt(message, attempt), retries.delayBefore(attempt).toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    /** At shutdown: lets waiting messages go out for up to five seconds; retries still scheduled are given up. */
    void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
        if (pending.get() > 0) {
            LOG.warn("{} e-mail(s) not delivered at shutdown", pending.get());
        }
    }

    @Override
    public long sent() {
        return sent.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public long rejected() {
        return rejected.get();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long retried() {
        return retried.get();
    }

    @Override
    public int pending() {
        return pending.get();
    }
}
