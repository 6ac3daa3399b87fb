package dev.gatehouse.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.UserAccount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcTransactionsTest {

    private final Transactions transactions = Database.bean(Transactions.class);
    private final UserAccounts accounts = Database.bean(UserAccounts.class);
    private final RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
    private final SecurityEvents events = Database.bean(SecurityEvents.class);

    @Test
    void everything_written_in_a_transaction_is_committed_together() {
        var account = StoreFixtures.anAccount();
        var family = StoreFixtures.aFamilyOf(account, StoreFixtures.T0);
        transactions.inTransaction(() -> {
            accounts.add(account);
            families.add(family);
            events.record(new SecurityEvent(SecurityEventType.ACCOUNT_REGISTERED, StoreFixtures.T0, account.id(), family.id(),
                    family.clientId(), ""));
            return null;
        });
        assertThat(accounts.findById(account.id())).isPresent();
        assertThat(families.find(family.id())).isPresent();
    }

    @Test
    void a_failure_inside_rolls_back_what_was_already_written() {
        var account = StoreFixtures.anAccount();
        var family = StoreFixtures.aFamilyOf(account, StoreFixtures.T0);
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            accounts.add(account);
            families.add(family);
            families.add(family);
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(accounts.findById(account.id())).as("nothing half-written").isEmpty();
        assertThat(families.find(family.id())).isEmpty();
    }

    @Test
    void a_nested_transaction_joins_the_outer_one_and_rolls_back_with_it() {
        var account = StoreFixtures.anAccount();
        IllegalStateException outerFailure = new IllegalStateException("after the inner transaction");
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> {
                accounts.add(account);
                return null;
            });
            assertThat(committedAccounts(account)).as("not visible to other connections yet").isZero();
            throw outerFailure;
        })).isSameAs(outerFailure);
        assertThat(accounts.findById(account.id())).isEmpty();
    }

    @Test
    void after_a_transaction_the_thread_writes_in_auto_commit_again() {
        transactions.inTransaction(() -> accounts.findById(StoreFixtures.anAccount().id()));
        var account = StoreFixtures.anAccount();
        accounts.add(account);
        assertThat(committedAccounts(account)).as("committed at once, seen from another connection").isOne();
    }

    /** How many rows for the account another connection sees: only what is committed. */
    private static long committedAccounts(UserAccount account) {
        try (Connection connection = Database.bean(DataSource.class).getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM user_account WHERE id = ?")) {
            query.setObject(1, account.id().value());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
