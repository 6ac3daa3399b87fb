package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.FieldViolation;
import dev.gatehouse.application.port.in.lifecycle.ChangePasswordUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.InvalidValueException;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Changes the password of a signed-in caller who knows the current one. The new hash, the end of every
 * other session and the end of a password-reset link sent before are written in one transaction (a link
 * from the old password's time must not set another password afterwards; OWASP's Forgot Password Cheat
 * Sheet); the caller's session stays; the owner is told. The new hash replaces the one the current password
 * was checked against, or nothing: of two changes racing on one account, the second finds the password
 * changed under it and is answered like a wrong current password, its session kept by nobody's change.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final EmailTokens emailTokens;
    private final PasswordCheck passwordCheck;
    private final PasswordHasher hasher;
    private final Notifications notifications;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public ChangePasswordService(UserAccounts accounts, RefreshTokenFamilies families, EmailTokens emailTokens, PasswordCheck passwordCheck,
            PasswordHasher hasher, Notifications notifications, SecurityEvents events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.emailTokens = emailTokens;
        this.passwordCheck = passwordCheck;
        this.hasher = hasher;
        this.notifications = notifications;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PasswordCheckResult change(Caller caller, String currentPassword, String newPassword) {
        Password next;
        try {
            next = Password.of(newPassword);
        } catch (InvalidValueException invalid) {
            return new PasswordCheckResult.Rejected(List.of(new FieldViolation("newPassword", invalid.getMessage())));
        }
        Optional<UserAccount> account = accounts.findById(caller.user());
        if (account.isEmpty()) {
            return new PasswordCheckResult.WrongPassword();
        }
        Instant now = clock.instant();
        PasswordCheckResult check = passwordCheck.check(account.get(), currentPassword, caller, now);
        if (!(check instanceof PasswordCheckResult.Done)) {
            return check;
        }
        PasswordHash hash = hasher.hash(next);
        boolean changed = transactions.inTransaction(() -> {
            if (!accounts.replacePasswordHash(caller.user(), account.get().passwordHash(), hash)) {
                return false;
            }
            int ended = families.revokeAllOfExcept(caller.user(), caller.session(), RevocationReason.PASSWORD_CHANGED, now);
            emailTokens.delete(caller.user(), EmailTokenPurpose.PASSWORD_RESET);
            events.record(new SecurityEvent(SecurityEventType.PASSWORD_CHANGED, now, caller.user(), caller.session(), caller.client(),
                    "sessions_ended:" + ended, caller.clientAddress(), null));
            return true;
        });
        if (!changed) {
            return new PasswordCheckResult.WrongPassword();
        }
        notifications.send(new Notification.PasswordChanged(account.get().email(), now));
        return check;
    }
}
