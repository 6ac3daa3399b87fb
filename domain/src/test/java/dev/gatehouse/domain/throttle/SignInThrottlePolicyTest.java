package dev.gatehouse.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInThrottlePolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:20:45Z");

    private final SignInThrottlePolicy policy = new SignInThrottlePolicy(10, 20, Duration.ofSeconds(30), Duration.ofMinutes(15));

    @Test
    void the_lock_starts_at_the_limit_and_doubles_up_to_the_longest() {
        assertThat(policy.locks(9)).isFalse();
        assertThat(policy.lockAfter(9)).isZero();
        assertThat(policy.locks(10)).isTrue();
        assertThat(policy.lockAfter(10)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.lockAfter(11)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.lockAfter(14)).isEqualTo(Duration.ofSeconds(480));
        assertThat(policy.lockAfter(15)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.lockAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void an_attempt_is_admitted_under_a_rule_that_holds_each_back_off_and_the_minute_budget() {
        AdmissionRule rule = policy.admissionAt(NOW);
        assertThat(rule).isEqualTo(new AdmissionRule(NOW, 10, List.of(NOW.plusSeconds(30), NOW.plusSeconds(60), NOW.plusSeconds(120),
                NOW.plusSeconds(240), NOW.plusSeconds(480), NOW.plus(Duration.ofMinutes(15))), Instant.parse("2026-01-01T10:20:00Z"), 20));
        assertThat(rule.holdFor(10)).isEqualTo(NOW.plus(policy.lockAfter(10)));
        assertThat(rule.holdFor(13)).isEqualTo(NOW.plus(policy.lockAfter(13)));
        assertThat(rule.holdFor(1000)).isEqualTo(NOW.plus(policy.lockAfter(1000)));
    }

    @Test
    void a_back_off_that_never_reaches_the_longest_lock_ends_the_holds_where_it_stops_growing() {
        var tiny = new SignInThrottlePolicy(1, 20, Duration.ofMillis(1), Duration.ofDays(3650));
        AdmissionRule rule = tiny.admissionAt(NOW);
        assertThat(rule.holds()).hasSize(31);
        assertThat(rule.holdFor(5000)).isEqualTo(NOW.plus(tiny.lockAfter(5000)));
    }

    @Test
    void a_refusal_waits_for_the_lock_and_the_budget_whichever_ends_later_and_at_least_a_second() {
        assertThat(policy.retryAfter(new AttemptCount.Refused(NOW.plusSeconds(90), false), NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.retryAfter(new AttemptCount.Refused(NOW.plusSeconds(5), true), NOW)).isEqualTo(Duration.ofSeconds(15));
        assertThat(policy.retryAfter(new AttemptCount.Refused(NOW.plusSeconds(90), true), NOW)).isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.retryAfter(new AttemptCount.Refused(null, false), NOW)).as("the lock ended meanwhile")
                .isEqualTo(Duration.ofSeconds(1));
    }
}
