package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.lifecycle.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes the caller's account after checking its password: the {@link AccountEraser} erases it in one
 * transaction with the event (GDPR Art. 17). What stays is the audit trail, which names the user by its
 * bare id: not even the deletion's own event keeps the caller's address.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final UserAccounts accounts;
    private final AccountEraser eraser;
    private final PasswordCheck passwordCheck;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteAccountService(UserAccounts accounts, AccountEraser eraser, PasswordCheck passwordCheck, SecurityEvents events,
            Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.eraser = eraser;
        this.passwordCheck = passwordCheck;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PasswordCheckResult delete(Caller caller, String password) {
        Optional<UserAccount> account = accounts.findById(caller.user());
        if (account.isEmpty()) {
            return new PasswordCheckResult.WrongPassword();
        }
        Instant now = clock.instant();
        PasswordCheckResult check = passwordCheck.check(account.get(), password, caller, now);
        if (check instanceof PasswordCheckResult.Done) {
            transactions.inTransaction(() -> erase(account.get(), caller, now));
        }
        return check;
    }

    private Void erase(UserAccount account, Caller caller, Instant now) {
        eraser.erase(account);
        events.record(new SecurityEvent(SecurityEventType.ACCOUNT_DELETED, now, account.id(), null, caller.client(), ""));
        return null;
    }
}
