package dev.gatehouse.adapter.out.persistence;

import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.UserAccountsContract;

class JdbcUserAccountsTest extends UserAccountsContract {

    @Override
    protected UserAccounts accounts() {
        return Database.bean(UserAccounts.class);
    }
}
