package dev.gatehouse.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottlePolicyTest {

    private final SignInThrottlePolicy policy = new SignInThrottlePolicy(10, 60, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void the_lock_starts_at_the_limit_and_doubles_up_to_the_longest() {
        assertThat(policy.lockAfter(9)).isZero();
        assertThat(policy.lockAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.lockAfter(11)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.lockAfter(14)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void addresses_count_per_clock_minute() {
        Instant now = Instant.parse("2026-01-01T10:20:45Z");
        assertThat(policy.ipWindowStart(now)).isEqualTo(Instant.parse("2026-01-01T10:20:00Z"));
        assertThat(policy.ipLimitExceeded(60)).isFalse();
        assertThat(policy.ipLimitExceeded(61)).isTrue();
        assertThat(policy.ipRetryAfter(now)).isEqualTo(Duration.ofSeconds(15));
    }
}
