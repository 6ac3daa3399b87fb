package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;

class InMemoryRefreshTokenFamiliesTest extends RefreshTokenFamiliesContract {

    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryRefreshTokenFamilies families = new InMemoryRefreshTokenFamilies(accounts);

    @Override
    protected RefreshTokenFamilies families() {
        return families;
    }

    @Override
    protected UserAccounts accounts() {
        return accounts;
    }
}
