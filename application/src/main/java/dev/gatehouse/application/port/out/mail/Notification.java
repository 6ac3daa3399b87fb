package dev.gatehouse.application.port.out.mail;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A message to an account's owner. The two that carry a token redact it in {@code toString}: the token
 * exists in plain form only on its way into the e-mail.
 *
 * <p>No notification carries the account's display name or any other text the account chose: registration
 * sends a verification link to whatever address the registrant typed, so a name in the mail would let
 * anyone send text of their choosing (a phone number, a link) under this service's sender to any address.
 */
public sealed interface Notification {

    /** The recipient. */
    EmailAddress to();

    /** "Confirm your address": a link with {@code token}, valid for {@code validFor}. */
    record EmailVerification(EmailAddress to, String token, Duration validFor) implements Notification {
        public EmailVerification {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "EmailVerification[token redacted]";
        }
    }

    /** "Choose a new password": a link with {@code token}, valid for {@code validFor}. */
    record PasswordReset(EmailAddress to, String token, Duration validFor) implements Notification {
        public PasswordReset {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "PasswordReset[token redacted]";
        }
    }

    /** "Your password was changed" (in a session, or by a reset link) at {@code at}. */
    record PasswordChanged(EmailAddress to, Instant at) implements Notification {
    }

    /**
     * "Someone may have copied your session; it was ended": a spent refresh token of the session was
     * replayed (RFC 9700 §4.14.2) and the session revoked.
     */
    record SessionStolen(EmailAddress to, ClientId client, Instant startedAt, Instant endedAt)
            implements Notification {
    }
}
