package dev.gatehouse.adapter.out.mail;

import dev.gatehouse.application.port.out.mail.MailSealer;
import dev.gatehouse.application.port.out.mail.MailSealer.Unsealed;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.port.out.mail.OutgoingMails.ClaimedMail;
import dev.gatehouse.application.port.out.mail.OutgoingMails.NewMail;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers notifications off the caller's thread through the durable outbox ({@link OutgoingMails}, shared by the
 * fleet): {@link #send} renders the message, seals it ({@link MailSealer}: the store never holds a usable link),
 * stores it and returns; a message stored survives a crash or a restart of this instance. One worker thread per
 * instance claims due messages one at a time, leased for {@code lease} (no other instance gets a message while it is
 * being delivered; one whose instance died is due again when its lease ends: at least once, so a crash in the middle
 * of SMTP may send a message twice), and delivers it. A failed attempt is retried after a delay that doubles each time
 * (bounded attempts, counted across instances and restarts), except a permanent refusal (a {@code 5yz} reply,
 * RFC 5321 §4.2.1), which is given up at once; a message whose link has expired, or whose content cannot be opened
 * (its refresh secret was removed), is given up without an attempt. At most {@code capacity} messages wait; beyond
 * that a message is dropped, logged and counted, and so is one the store cannot take. Messages sent or given up are
 * deleted. A message given up is logged before it is counted, so whoever sees the count finds the line. Logs name the
 * kind of message, never its body (which may carry a token).
 */
final class MailOutbox implements Notifications, MailStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);
    private static final Duration LONGEST_DELAY = Duration.ofMinutes(5);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final MailTemplates templates;
    private final MailTransport transport;
    private final OutgoingMails mails;
    private final MailSealer sealer;
    private final Retries retries;
    private final Queueing queueing;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicInteger lastPending = new AtomicInteger();
    private final AtomicBoolean storeFailing = new AtomicBoolean();
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

    /**
     * At most {@code capacity} messages wait; a claimed message is not due again for {@code lease} (longer than one
     * attempt can take); the worker looks for due messages every {@code pollInterval}, and at once after a send.
     */
    record Queueing(int capacity, Duration lease, Duration pollInterval) {
    }

    /** What one attempt came to. */
    private sealed interface Attempt {
        record Delivered() implements Attempt {
        }

        record Refused(SmtpRefusal refusal) implements Attempt {
        }

        record Failed(Exception failure) implements Attempt {
        }
    }

    MailOutbox(MailTemplates templates, MailTransport transport, OutgoingMails mails, MailSealer sealer, Retries retries,
            Queueing queueing, Clock clock) {
        this.templates = templates;
        this.transport = transport;
        this.mails = mails;
        this.sealer = sealer;
        this.retries = retries;
        this.queueing = queueing;
        this.clock = clock;
        this.worker = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "gatehouse-mail");
            thread.setDaemon(true);
            return thread;
        });
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts looking for due messages every poll interval: once the schema is migrated (see {@link MailWorkerStart}). */
    void start() {
        worker.scheduleWithFixedDelay(this::deliverDue, 0, queueing.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void send(Notification notification) {
        MailMessage message = templates.render(notification);
        Instant now = clock.instant();
        boolean stored;
        try {
            stored = mails.offer(new NewMail(message.kind(), notification.to(), sealer.seal(MailContent.write(message)),
                    linkExpiry(notification, now), now), queueing.capacity());
        } catch (RuntimeException storeFailed) {
            LOG.warn("e-mail {} dropped: the outbox could not store it: {}", message.kind(), storeFailed.getClass().getSimpleName());
            dropped.incrementAndGet();
            return;
        }
        if (!stored) {
            LOG.warn("e-mail {} dropped: {} messages are waiting already", message.kind(), queueing.capacity());
            dropped.incrementAndGet();
            return;
        }
        try {
            worker.execute(this::deliverDue);
        } catch (RejectedExecutionException shuttingDown) {
            // stored: the next start of this or another instance sends it
        }
    }

    /** When the link a notification carries stops working; {@code null} for one without a link. */
    private static Instant linkExpiry(Notification notification, Instant now) {
        if (notification instanceof Notification.EmailVerification verification) {
            return now.plus(verification.validFor());
        }
        if (notification instanceof Notification.PasswordReset reset) {
            return now.plus(reset.validFor());
        }
        return null;
    }

    /** Claims and delivers due messages, one at a time, until none is due. Never throws: it runs again after the poll interval. */
    private void deliverDue() {
        try {
            for (List<ClaimedMail> claimed = claimNext(); !claimed.isEmpty() && !worker.isShutdown(); claimed = claimNext()) {
                claimed.forEach(this::attempt);
            }
            if (storeFailing.compareAndSet(true, false)) {
                LOG.info("e-mail outbox readable again");
            }
        } catch (RuntimeException storeFailed) {
            if (storeFailing.compareAndSet(false, true)) {
                LOG.warn("e-mail outbox unreadable, retried every {}: {}", queueing.pollInterval(), storeFailed.getClass().getSimpleName());
            }
        }
    }

    private List<ClaimedMail> claimNext() {
        Instant now = clock.instant();
        return mails.claim(now, now.plus(queueing.lease()), 1);
    }

    private void attempt(ClaimedMail mail) {
        Instant now = clock.instant();
        if (mail.expiredAt(now)) {
            giveUp(mail, "its link has expired");
            return;
        }
        Unsealed unsealed = sealer.open(mail.content());
        if (unsealed instanceof Unsealed.KeyUnknown unknown) {
            leaveForAnotherInstance(mail, unknown.keyId(), now);
            return;
        }
        if (unsealed instanceof Unsealed.Unreadable unreadable) {
            giveUp(mail, unreadable.reason());
            return;
        }
        MailMessage message;
        try {
            message = MailContent.read(mail.kind(), ((Unsealed.Opened) unsealed).content());
        } catch (IllegalArgumentException unknownFormat) {
            giveUp(mail, "its content is not in a known format");
            return;
        }
        Attempt attempt = deliver(message);
        if (attempt instanceof Attempt.Delivered) {
            mails.remove(mail);
            sent.incrementAndGet();
        } else if (attempt instanceof Attempt.Refused refused) {
            LOG.warn("e-mail {} rejected by the mail server (reply {}), not retried", mail.kind(), refused.refusal().replyCode());
            mails.remove(mail);
            rejected.incrementAndGet();
        } else if (mail.attempt() < retries.attempts()) {
            mails.postpone(mail, now.plus(retries.delayBefore(mail.attempt() + 1)));
            retried.incrementAndGet();
        } else {
            Exception failure = ((Attempt.Failed) attempt).failure();
            LOG.warn("e-mail {} not delivered after {} attempt(s): {}: {}", mail.kind(), mail.attempt(),
                    failure.getClass().getSimpleName(), failure.getMessage());
            mails.remove(mail);
            failed.incrementAndGet();
        }
    }

    private Attempt deliver(MailMessage message) {
        try {
            transport.deliver(message);
            return new Attempt.Delivered();
        } catch (SmtpRefusal refusal) {
            return refusal.permanent() ? new Attempt.Refused(refusal) : new Attempt.Failed(refusal);
        } catch (MessagingException | RuntimeException failure) {
            return new Attempt.Failed(failure);
        }
    }

    /**
     * A mail sealed under a refresh secret this instance lacks: during a rotation another instance may still (or
     * already) have it, so it is retried like a failed delivery, by whichever instance claims it next, and given up
     * only once its attempts have run out.
     */
    private void leaveForAnotherInstance(ClaimedMail mail, String keyId, Instant now) {
        if (mail.attempt() < retries.attempts()) {
            LOG.warn("e-mail {} is sealed under key {}, which this instance does not have: left for another instance (attempt {} of {})",
                    mail.kind(), keyId, mail.attempt(), retries.attempts());
            mails.postpone(mail, now.plus(retries.delayBefore(mail.attempt() + 1)));
            retried.incrementAndGet();
        } else {
            giveUp(mail, "its key " + keyId + " is gone (no instance that claimed it has the refresh secret that sealed it)");
        }
    }

    private void giveUp(ClaimedMail mail, String reason) {
        LOG.warn("e-mail {} given up without an attempt: {}", mail.kind(), reason);
        mails.remove(mail);
        failed.incrementAndGet();
    }

    /**
     * At shutdown: lets the message being delivered finish for up to five seconds. Waiting messages stay in the outbox
     * for the next start of this or another instance.
     */
    void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
        int waiting = pending();
        if (waiting > 0) {
            LOG.info("{} e-mail(s) wait in the outbox at shutdown; the next instance to run sends them", waiting);
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

    /** From the outbox, shared by the fleet; while it cannot be read, the last count read. */
    @Override
    public int pending() {
        try {
            lastPending.set(mails.pending());
        } catch (RuntimeException storeFailed) {
            // the gauge keeps its last value; the worker logs the outage
        }
        return lastPending.get();
    }
}
