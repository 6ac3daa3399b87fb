package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AccountQuery;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.Optional;

/** Reads accounts for their owners. */
public final class AccountService implements AccountQuery {

    private final UserAccounts accounts;

    public AccountService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<UserAccount> account(UserId id) {
        return accounts.findById(id);
    }
}
