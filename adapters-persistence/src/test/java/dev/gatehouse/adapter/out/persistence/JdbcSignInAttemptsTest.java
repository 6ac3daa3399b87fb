package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.SignInAttempts;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbcSignInAttemptsTest {

    private final SignInAttempts attempts = Database.bean(SignInAttempts.class);

    @Test
    void requests_are_counted_per_address_and_window() {
        String address = "192.0.2." + UUID.randomUUID().hashCode();
        assertThat(attempts.countRequest(address, T0)).isEqualTo(1);
        assertThat(attempts.countRequest(address, T0)).isEqualTo(2);
        assertThat(attempts.countRequest("other-" + address, T0)).isEqualTo(1);
        assertThat(attempts.countRequest(address, T0.plusSeconds(60))).as("a new window starts over").isEqualTo(1);
    }

    @Test
    void failures_count_up_lock_and_clear() {
        EmailAddress email = EmailAddress.of("t-" + UUID.randomUUID() + "@example.com");
        assertThat(attempts.lockedUntil(email)).isEmpty();
        assertThat(attempts.recordFailure(email, T0)).isEqualTo(1);
        assertThat(attempts.recordFailure(email, T0.plusSeconds(1))).isEqualTo(2);
        attempts.lock(email, T0.plusSeconds(30));
        assertThat(attempts.lockedUntil(email)).contains(T0.plusSeconds(30));
        attempts.clearFailures(email);
        assertThat(attempts.lockedUntil(email)).isEmpty();
        assertThat(attempts.recordFailure(email, T0.plusSeconds(2))).isEqualTo(1);
    }

    @Test
    void stale_counters_are_forgotten_and_recent_or_locked_ones_kept() {
        Instant longAgo = T0.minusSeconds(86_400 * 3);
        String oldAddress = "198.51.100." + UUID.randomUUID().hashCode();
        String newAddress = "198.51.101." + UUID.randomUUID().hashCode();
        attempts.countRequest(oldAddress, longAgo);
        attempts.countRequest(newAddress, T0);
        EmailAddress forgotten = EmailAddress.of("old-" + UUID.randomUUID() + "@example.com");
        EmailAddress stillLocked = EmailAddress.of("locked-" + UUID.randomUUID() + "@example.com");
        attempts.recordFailure(forgotten, longAgo);
        attempts.recordFailure(stillLocked, longAgo);
        attempts.lock(stillLocked, T0.plusSeconds(60));

        while (attempts.forgetStale(T0.minusSeconds(86_400), 1000) == 1000) {
            // keep going until this batch was the last
        }

        assertThat(attempts.countRequest(oldAddress, longAgo)).as("forgotten: counting starts over").isEqualTo(1);
        assertThat(attempts.countRequest(newAddress, T0)).isEqualTo(2);
        assertThat(attempts.recordFailure(forgotten, T0)).isEqualTo(1);
        assertThat(attempts.lockedUntil(stillLocked)).contains(T0.plusSeconds(60));
    }
}
