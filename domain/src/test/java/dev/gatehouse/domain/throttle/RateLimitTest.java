package dev.gatehouse.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:20:45Z");

    @Test
    void windows_are_clock_minutes_or_hours() {
        var perMinute = new RateLimit(60, Duration.ofMinutes(1));
        assertThat(perMinute.windowStart(NOW)).isEqualTo(Instant.parse("2026-01-01T10:20:00Z"));
        assertThat(perMinute.retryAfter(NOW)).isEqualTo(Duration.ofSeconds(15));
        var perHour = new RateLimit(20, Duration.ofHours(1));
        assertThat(perHour.windowEnd(NOW)).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(perHour.retryAfter(NOW)).isEqualTo(Duration.ofMinutes(39).plusSeconds(15));
    }

    @Test
    void the_request_after_the_limit_is_the_first_one_refused() {
        var limit = new RateLimit(60, Duration.ofMinutes(1));
        assertThat(limit.exceededBy(60)).isFalse();
        assertThat(limit.exceededBy(61)).isTrue();
        assertThat(limit.firstExceededBy(61)).isTrue();
        assertThat(limit.firstExceededBy(62)).isFalse();
    }

    @Test
    void a_limit_needs_a_positive_count_and_window() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
