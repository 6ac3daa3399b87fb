package dev.gatehouse.application.service.admin;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.UserAccount;

/**
 * Erases an account and what belongs to it (GDPR Art. 17): its sessions and the account. Security events
 * stay and keep naming the bare user id. Callers run it in a transaction.
 */
public final class AccountEraser {

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;

    public AccountEraser(UserAccounts accounts, RefreshTokenFamilies families) {
        this.accounts = accounts;
        this.families = families;
    }

    /** Erases {@code account}; returns whether it was still there. */
    public boolean erase(UserAccount account) {
        families.deleteAllOf(account.id());
        return accounts.delete(account.id());
    }
}
