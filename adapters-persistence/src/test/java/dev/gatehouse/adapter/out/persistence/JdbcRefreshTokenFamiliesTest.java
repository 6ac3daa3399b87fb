package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.RefreshTokenFamiliesContract;

class JdbcRefreshTokenFamiliesTest extends RefreshTokenFamiliesContract {

    @Override
    protected RefreshTokenFamilies families() {
        return Database.bean(RefreshTokenFamilies.class);
    }

    @Override
    protected UserAccounts accounts() {
        return Database.bean(UserAccounts.class);
    }
}
