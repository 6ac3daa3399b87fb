package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.VerificationRequestCounts;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.user.UserAccount;
import org.junit.jupiter.api.Test;

class JdbcVerificationRequestCountsTest {

    private final VerificationRequestCounts counts = Database.bean(VerificationRequestCounts.class);
    private final UserAccounts accounts = Database.bean(UserAccounts.class);

    @Test
    void requests_are_counted_per_account_and_window() {
        UserAccount ada = anAccount();
        assertThat(counts.count(ada.id(), T0)).isEqualTo(1);
        assertThat(counts.count(ada.id(), T0)).isEqualTo(2);
        assertThat(counts.count(anAccount().id(), T0)).as("its own counter").isEqualTo(1);
        assertThat(counts.count(ada.id(), T0.plusSeconds(3600))).as("a new window starts over").isEqualTo(1);
    }

    /** Hosts' clocks differ by a little: a request an instance behind dates in the previous hour still counts. */
    @Test
    void a_request_dated_in_an_earlier_window_counts_in_the_stored_one() {
        UserAccount ada = anAccount();
        assertThat(counts.count(ada.id(), T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(counts.count(ada.id(), T0)).isEqualTo(2);
        assertThat(counts.count(ada.id(), T0.plusSeconds(3600))).isEqualTo(3);
    }

    @Test
    void the_counter_goes_with_its_account() {
        UserAccount ada = anAccount();
        counts.count(ada.id(), T0);
        counts.count(ada.id(), T0);
        accounts.delete(ada.id());
        accounts.add(ada);
        assertThat(counts.count(ada.id(), T0)).as("no counter survived the deletion").isEqualTo(1);
    }

    private UserAccount anAccount() {
        UserAccount account = StoreFixtures.anAccount();
        accounts.add(account);
        return account;
    }
}
