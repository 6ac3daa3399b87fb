package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.ResetRequestCounts;
import dev.gatehouse.domain.user.EmailAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcResetRequestCountsTest {

    private final ResetRequestCounts counts = Database.bean(ResetRequestCounts.class);

    @Test
    void requests_are_counted_per_email_and_per_address_and_window() {
        EmailAddress email = EmailAddress.of("r-" + UUID.randomUUID() + "@example.com");
        String address = "203.0.113." + UUID.randomUUID().hashCode();
        assertThat(counts.countForEmail(email, T0)).isEqualTo(1);
        assertThat(counts.countForEmail(email, T0)).isEqualTo(2);
        assertThat(counts.countForAddress(address, T0)).as("its own counter").isEqualTo(1);
        assertThat(counts.countForEmail(email, T0.plusSeconds(3600))).as("a new window starts over").isEqualTo(1);
    }

    @Test
    void an_emails_counter_can_be_forgotten_and_stale_ones_are() {
        EmailAddress email = EmailAddress.of("f-" + UUID.randomUUID() + "@example.com");
        counts.countForEmail(email, T0);
        counts.forgetEmail(email);
        assertThat(counts.countForEmail(email, T0)).isEqualTo(1);

        String stale = "198.51.100." + UUID.randomUUID().hashCode();
        counts.countForAddress(stale, T0.minusSeconds(86_400 * 2));
        while (counts.forgetStale(T0.minusSeconds(86_400), 1000) == 1000) {
            // until the last batch
        }
        assertThat(counts.countForAddress(stale, T0.minusSeconds(86_400 * 2))).isEqualTo(1);
        assertThat(counts.countForEmail(email, T0)).as("a recent one stays").isEqualTo(2);
    }
}
