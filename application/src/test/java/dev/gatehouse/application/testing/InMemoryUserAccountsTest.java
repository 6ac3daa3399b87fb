package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.UserAccounts;

class InMemoryUserAccountsTest extends UserAccountsContract {

    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();

    @Override
    protected UserAccounts accounts() {
        return accounts;
    }
}
