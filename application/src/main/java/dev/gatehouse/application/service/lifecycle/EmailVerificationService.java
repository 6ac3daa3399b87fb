package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;

/** Sends verification links and spends their tokens; a spent token marks the account's address verified. */
public final class EmailVerificationService implements EmailVerificationUseCase {

    private static final EmailTokenPurpose PURPOSE = EmailTokenPurpose.EMAIL_VERIFICATION;

    private final UserAccounts accounts;
    private final EmailTokenIssuer tokens;
    private final Notifications notifications;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public EmailVerificationService(UserAccounts accounts, EmailTokenIssuer tokens, Notifications notifications,
            SecurityEvents events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void requestVerification(Caller caller) {
        accounts.findById(caller.user()).filter(account -> !account.emailVerified()).ifPresent(this::sendTo);
    }

    /** Sends {@code account} a verification link, replacing any earlier one. */
    void sendTo(UserAccount account) {
        String token = tokens.issue(account.id(), PURPOSE, clock.instant());
        notifications.send(new Notification.EmailVerification(account.email(), account.name(), token, tokens.lifetimeOf(PURPOSE)));
    }

    @Override
    public TokenResult confirm(String token) {
        Instant now = clock.instant();
        boolean confirmed = transactions.inTransaction(() -> tokens.consume(token, PURPOSE, now)
                .map(user -> {
                    accounts.markEmailVerified(user);
                    events.record(new SecurityEvent(SecurityEventType.EMAIL_VERIFIED, now, user, null, null, ""));
                    return user;
                })
                .isPresent());
        return confirmed ? new TokenResult.Accepted() : new TokenResult.InvalidToken();
    }
}
