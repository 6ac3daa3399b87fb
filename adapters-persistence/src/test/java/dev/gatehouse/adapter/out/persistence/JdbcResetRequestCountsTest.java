package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcResetRequestCountsTest {

    private final ResetRequestCounts counts = Database.bean(ResetRequestCounts.class);

    @Test
    void requests_are_counted_per_address_and_window() {
        EmailPseudonym email = aPseudonym();
        assertThat(counts.count(email, T0)).isEqualTo(1);
        assertThat(counts.count(email, T0)).isEqualTo(2);
        assertThat(counts.count(aPseudonym(), T0)).as("its own counter").isEqualTo(1);
        assertThat(counts.count(email, T0.plusSeconds(3600))).as("a new window starts over").isEqualTo(1);
    }

    /** Hosts' clocks differ by a little: a request an instance behind dates in the previous hour still counts. */
    @Test
    void a_request_dated_in_an_earlier_window_counts_in_the_stored_one() {
        EmailPseudonym email = aPseudonym();
        assertThat(counts.count(email, T0.plusSeconds(3600))).isEqualTo(1);
        assertThat(counts.count(email, T0)).isEqualTo(2);
        assertThat(counts.count(email, T0.plusSeconds(3600))).isEqualTo(3);
    }

    @Test
    void a_counter_can_be_forgotten_and_stale_ones_are() {
        EmailPseudonym email = aPseudonym();
        counts.count(email, T0);
        counts.forget(email);
        assertThat(counts.count(email, T0)).isEqualTo(1);

        EmailPseudonym stale = aPseudonym();
        counts.count(stale, T0.minusSeconds(86_400 * 2));
        while (counts.forgetStale(T0.minusSeconds(86_400), 1000) == 1000) {
            // until the last batch
        }
        assertThat(counts.count(stale, T0.minusSeconds(86_400 * 2))).isEqualTo(1);
        assertThat(counts.count(email, T0)).as("a recent one stays").isEqualTo(2);
    }

    private static EmailPseudonym aPseudonym() {
        return new EmailPseudonym("p-" + UUID.randomUUID());
    }
}
