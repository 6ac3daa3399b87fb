package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.FieldViolation;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Password reset by e-mail link (OWASP Forgot Password Cheat Sheet). A request for an unknown address
 * answers the same and does the same work (a token is made and hashed, the store writes) without sending
 * anything. Only the throttle is counted before the answer; looking the address up, storing the link and
 * handing over the mail run after it ({@code afterAnswer}), so that the answer's timing cannot tell an
 * account from none: the mail costs a store write and sealing that a decoy does not. Confirming spends the token, sets the password, verifies the address (the link proved it)
 * and ends every session of the account, all in one transaction; then the sign-in lock of the account is
 * lifted (the owner proved the address and the guessed password is gone) and the owner is told.
 */
public final class PasswordResetService implements PasswordResetUseCase {

    private static final EmailTokenPurpose PURPOSE = EmailTokenPurpose.PASSWORD_RESET;

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final EmailTokenIssuer tokens;
    private final ResetThrottle throttle;
    private final SignInThrottle signInThrottle;
    private final PasswordHasher hasher;
    private final Notifications notifications;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Executor afterAnswer;
    private final Clock clock;

    public PasswordResetService(UserAccounts accounts, RefreshTokenFamilies families, EmailTokenIssuer tokens, ResetThrottle throttle,
            SignInThrottle signInThrottle, PasswordHasher hasher, Notifications notifications, SecurityEvents events,
            Transactions transactions, Executor afterAnswer, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.tokens = tokens;
        this.throttle = throttle;
        this.signInThrottle = signInThrottle;
        this.hasher = hasher;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.afterAnswer = afterAnswer;
        this.clock = clock;
    }

    @Override
    public RequestResult request(String rawEmail, String clientAddress) {
        if (rawEmail == null || rawEmail.isBlank()) {
            return new RequestResult.Rejected(List.of(new FieldViolation("email", "is required")));
        }
        Optional<EmailAddress> email = address(rawEmail);
        Instant now = clock.instant();
        var throttled = throttle.admit(email, clientAddress, now);
        if (throttled.isPresent()) {
            return new RequestResult.Throttled(throttled.get());
        }
        afterAnswer.execute(() -> handOutLink(email, clientAddress, now));
        return new RequestResult.Accepted();
    }

    /** A link to the address's account, or a decoy when it has none; the event either way. */
    private void handOutLink(Optional<EmailAddress> email, String clientAddress, Instant now) {
        Optional<UserAccount> account = email.flatMap(accounts::findByEmail);
        boolean sent = account.isPresent() && sendLink(account.get(), now);
        if (!sent) {
            tokens.issueForNobody(PURPOSE, now);
        }
        events.record(new SecurityEvent(SecurityEventType.PASSWORD_RESET_REQUESTED, now, sent ? account.get().id() : null,
                null, null, sent ? "" : "unknown_account", clientAddress, null));
    }

    /**
     * The address, or none when the text is no e-mail address: no account has it, so it is answered like an
     * unknown address (API.md: "202 always"), and only the client network's limit counts it.
     */
    private static Optional<EmailAddress> address(String rawEmail) {
        try {
            return Optional.of(EmailAddress.of(rawEmail));
        } catch (InvalidValueException notAnAddress) {
            return Optional.empty();
        }
    }

    /** Sends the account a reset link; false when the account was deleted meanwhile (then it is unknown now). */
    private boolean sendLink(UserAccount account, Instant now) {
        Optional<String> token = tokens.issue(account.id(), PURPOSE, now);
        token.ifPresent(link ->
                notifications.send(new Notification.PasswordReset(account.email(), link, tokens.lifetimeOf(PURPOSE))));
        return token.isPresent();
    }

    @Override
    public TokenResult confirm(String token, String newPassword, String clientAddress) {
        Password password;
        try {
            password = Password.of(newPassword);
        } catch (InvalidValueException invalid) {
            return new TokenResult.Rejected(List.of(new FieldViolation("newPassword", invalid.getMessage())));
        }
        Instant now = clock.instant();
        if (!tokens.isValid(token, PURPOSE, now)) {
            return new TokenResult.InvalidToken();
        }
        PasswordHash hash = hasher.hash(password);
        Optional<UserId> reset = transactions.inTransaction(() -> tokens.consume(token, PURPOSE, now).map(user -> apply(user, hash, now, clientAddress)));
        reset.flatMap(accounts::findById).ifPresent(owner -> {
            signInThrottle.lift(owner.email());
            notifications.send(new Notification.PasswordChanged(owner.email(), now));
        });
        return reset.isPresent() ? new TokenResult.Accepted() : new TokenResult.InvalidToken();
    }

    private UserId apply(UserId user, PasswordHash hash, Instant now, String clientAddress) {
        accounts.updatePasswordHash(user, hash);
        accounts.markEmailVerified(user);
        int ended = families.revokeAllOf(user, RevocationReason.PASSWORD_RESET, now);
        events.record(new SecurityEvent(SecurityEventType.PASSWORD_RESET, now, user, null, null, "sessions_ended:" + ended,
                clientAddress, null));
        return user;
    }
}
