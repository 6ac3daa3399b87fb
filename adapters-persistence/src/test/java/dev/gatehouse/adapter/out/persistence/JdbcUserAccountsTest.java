package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.application.testing.UserAccountsContract;
import org.junit.jupiter.api.Test;

class JdbcUserAccountsTest extends UserAccountsContract {

    @Override
    protected UserAccounts accounts() {
        return Database.bean(UserAccounts.class);
    }

    @Test
    void a_deleted_account_takes_its_sessions_along() {
        var account = StoreFixtures.anAccount();
        accounts().add(account);
        var session = StoreFixtures.aFamilyOf(account, StoreFixtures.T0);
        RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
        families.add(session);

        accounts().delete(account.id());

        assertThat(families.find(session.id())).isEmpty();
    }
}
