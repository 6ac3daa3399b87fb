package dev.gatehouse.application.port.out.mail;

import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The durable outbox: e-mails accepted and not yet sent or given up, shared by every instance of a fleet. A mail
 * is stored {@link SealedContent sealed}: its body (which may carry a link's token) is readable only with a key
 * the store does not hold. Each mail is due at some instant; {@link #claim} hands due mails to one caller and
 * postpones them by a lease, so that no other caller gets them while it delivers (no transaction stays open
 * meanwhile); the caller then {@link #remove}s the mail or {@link #postpone}s it to its next attempt. A caller that
 * dies keeps its claim only until the lease ends, when the mail is due again (at least once, never lost).
 *
 * <p>A claim is valid until the mail is claimed again: {@link #remove} and {@link #postpone} name the attempt
 * they finish and do nothing when a later claim took the mail over (a lease that ran out).
 */
public interface OutgoingMails {

    /**
     * Stores {@code mail}, due at once, unless {@code capacity} mails are waiting already (then nothing is stored).
     * Concurrent offers may together exceed the capacity by their number.
     *
     * @return whether the mail was stored
     */
    boolean offer(NewMail mail, int capacity);

    /**
     * Up to {@code limit} mails due at {@code now}, oldest due first, each with its attempt count raised by one and
     * no longer due before {@code leaseUntil}. Of concurrent callers, each mail goes to one.
     */
    List<ClaimedMail> claim(Instant now, Instant leaseUntil, int limit);

    /** Deletes a mail sent or given up, unless a later claim took it over. */
    void remove(ClaimedMail mail);

    /** Makes a mail due again at {@code dueAt} (its next attempt), unless a later claim took it over. */
    void postpone(ClaimedMail mail, Instant dueAt);

    /** How many mails are waiting (due or claimed). */
    int pending();

    /** Deletes every waiting mail to {@code recipient} (the erasure of its account); returns how many. */
    int deleteAllTo(EmailAddress recipient);

    /**
     * A mail to store. {@code kind} names it in logs and counters ({@code password_reset}); {@code expiresAt} is
     * when its link stops working ({@code null} without a link), after which sending it is pointless.
     */
    record NewMail(String kind, EmailAddress to, SealedContent content, Instant expiresAt, Instant createdAt) {
        public NewMail {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** A mail claimed for its attempt number {@code attempt} (from 1). */
    record ClaimedMail(long id, int attempt, String kind, SealedContent content, Instant expiresAt) {
        public ClaimedMail {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(content, "content");
        }

        /** Whether the link it carries no longer works at {@code now}. */
        public boolean expiredAt(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }
}
