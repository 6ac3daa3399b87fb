package dev.gatehouse.application.service.lifecycle;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.domain.user.UserAccount;

/**
 * Erases an account with everything that belongs to it (GDPR Art. 17): its e-mail tokens, its sessions,
 * the account, the e-mails still waiting to be sent to its address, and its traces (throttling counters, the origins in its events); the audit trail stays and
 * names the user by the bare id. The one erasure behind {@code DELETE /auth/me} and
 * {@code DELETE /admin/users/{id}}. Callers run it in a transaction; the account is locked first (the lock order
 * of {@link UserAccounts}), so that a concurrent change of the account (disabling it, a password change) waits or
 * is waited for, and never deadlocks with the erasure.
 */
public final class AccountEraser {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final EmailTokens emailTokens;
    private final OutgoingMails outgoingMails;
    private final AccountTraces traces;

    public AccountEraser(UserAccounts accounts, RefreshTokenFamilies families, EmailTokens emailTokens, OutgoingMails outgoingMails,
            AccountTraces traces) {
        this.accounts = accounts;
        this.families = families;
        this.emailTokens = emailTokens;
        this.outgoingMails = outgoingMails;
        this.traces = traces;
    }

    /** Erases {@code account}; returns whether it was still there. */
    public boolean erase(UserAccount account) {
        if (!accounts.lock(account.id())) {
            return false;
        }
        emailTokens.deleteAllOf(account.id());
        families.deleteAllOf(account.id());
        boolean deleted = accounts.delete(account.id());
        outgoingMails.deleteAllTo(account.email());
        traces.erase(account);
        return deleted;
    }
}
