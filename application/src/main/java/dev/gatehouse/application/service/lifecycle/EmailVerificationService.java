package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.throttle.RateLimit;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends verification links and spends their tokens; a spent token marks the account's address verified.
 * Requests for a link are limited per account ({@code perAccount}), counted in the shared store before any
 * other work; only the first refusal of a window is recorded. The link that registration sends is not counted.
 */
public final class EmailVerificationService implements EmailVerificationUseCase {

    private static final EmailTokenPurpose PURPOSE = EmailTokenPurpose.EMAIL_VERIFICATION;

    private final UserAccounts accounts;
    private final EmailTokenIssuer tokens;
    private final Notifications notifications;
    private final VerificationRequestCounts requests;
    private final RateLimit perAccount;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public EmailVerificationService(UserAccounts accounts, EmailTokenIssuer tokens, Notifications notifications,
            VerificationRequestCounts requests, RateLimit perAccount, SecurityEvents events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.notifications = notifications;
        this.requests = requests;
        this.perAccount = perAccount;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public RequestResult requestVerification(Caller caller) {
        Instant now = clock.instant();
        int count;
        try {
            count = requests.count(caller.user(), perAccount.windowStart(now));
        } catch (AccountDeletedException deleted) {
            return new RequestResult.Accepted(); // nothing to verify any more: as for an address already verified
        }
        if (perAccount.exceededBy(count)) {
            if (perAccount.firstExceededBy(count)) {
                events.record(new SecurityEvent(SecurityEventType.EMAIL_VERIFICATION_THROTTLED, now, caller.user(), caller.session(),
                        caller.client(), "account_limit", caller.clientAddress(), null));
            }
            return new RequestResult.Throttled(perAccount.retryAfter(now));
        }
        accounts.findById(caller.user()).filter(account -> !account.emailVerified()).ifPresent(this::sendTo);
        return new RequestResult.Accepted();
    }

    /** Sends {@code account} a verification link, replacing any earlier one; nothing when it was deleted meanwhile. */
    void sendTo(UserAccount account) {
        tokens.issue(account.id(), PURPOSE, clock.instant()).ifPresent(link ->
                notifications.send(new Notification.EmailVerification(account.email(), link, tokens.lifetimeOf(PURPOSE))));
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
