package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.lifecycle.DeleteAccountUseCase;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes the caller's account after checking its password: e-mail tokens, sessions, the account and
 * its traces (throttling counters, the origins in its events) go in one transaction (GDPR Art. 17). What
 * stays is the audit trail, which names the user by its bare id.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final EmailTokens emailTokens;
    private final AccountTraces traces;
    private final PasswordCheck passwordCheck;
    private final SecurityEvents events;
    private final Transactions transactions;
    private final Clock clock;

    public DeleteAccountService(UserAccounts accounts, RefreshTokenFamilies families, EmailTokens emailTokens, AccountTraces traces,
            PasswordCheck passwordCheck, SecurityEvents events, Transactions transactions, Clock clock) {
        this.accounts = accounts;
        this.families = families;
        this.emailTokens = emailTokens;
        this.traces = traces;
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
        PasswordCheckResult check = passwordCheck.check(account.get(), password, now);
        if (check instanceof PasswordCheckResult.Done) {
            transactions.inTransaction(() -> erase(account.get(), caller, now));
        }
        return check;
    }

    private Void erase(UserAccount account, Caller caller, Instant now) {
        emailTokens.deleteAllOf(account.id());
        families.deleteAllOf(account.id());
        accounts.delete(account.id());
        traces.erase(account);
        events.record(new SecurityEvent(SecurityEventType.ACCOUNT_DELETED, now, account.id(), null, caller.client(), ""));
        return null;
    }
}
