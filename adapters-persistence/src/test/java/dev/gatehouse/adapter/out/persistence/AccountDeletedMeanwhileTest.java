package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.application.port.out.mail.EmailTokens;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.user.EmailToken;
import dev.gatehouse.domain.user.EmailTokenPolicy;
import dev.gatehouse.domain.user.EmailTokenPurpose;
import dev.gatehouse.domain.user.TokenHash;
import dev.gatehouse.domain.user.UserAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A row written for an account that a concurrent deletion removed is refused by its foreign key; that leaves as
 * {@link AccountDeletedException}, so the use case answers as for an account that is gone, not with a 503.
 */
class AccountDeletedMeanwhileTest {

    private final UserAccounts accounts = Database.bean(UserAccounts.class);

    @Test
    void a_session_an_email_link_and_a_request_counter_of_a_deleted_account_are_refused_as_such() {
        UserAccount account = StoreFixtures.anAccount();
        accounts.add(account);
        accounts.delete(account.id());

        assertThatThrownBy(() -> Database.bean(RefreshTokenFamilies.class).add(StoreFixtures.aFamilyOf(account, T0)))
                .isInstanceOf(AccountDeletedException.class);
        assertThatThrownBy(() -> Database.bean(EmailTokens.class).replace(EmailToken.issue(new TokenHash(UUID.randomUUID().toString()),
                account.id(), EmailTokenPurpose.PASSWORD_RESET, T0, EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30)))))
                .isInstanceOf(AccountDeletedException.class);
        assertThatThrownBy(() -> Database.bean(VerificationRequestCounts.class).count(account.id(), T0))
                .isInstanceOf(AccountDeletedException.class);
    }

    /** {@link Jdbc} reads every foreign-key violation as a deleted account: true only while every foreign key refers to one. */
    @Test
    void every_foreign_key_of_the_schema_refers_to_an_account() throws SQLException {
        List<String> referenced = new ArrayList<>();
        try (var connection = Database.bean(DataSource.class).getConnection();
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE contype = 'f'")) {
            while (row.next()) {
                referenced.add(row.getString("target"));
            }
        }
        assertThat(referenced).isNotEmpty().containsOnly("user_account");
    }
}
