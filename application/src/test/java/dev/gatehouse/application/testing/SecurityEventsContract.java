package dev.gatehouse.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecurityEvents} does, run against the in-memory fake and against PostgreSQL. The
 * events of a test lie in a year of their own, so tests sharing one database do not see each other's.
 */
public abstract class SecurityEventsContract {

    private SecurityEvents events;

    /** The store under test; asked once per test. */
    protected abstract SecurityEvents events();

    @BeforeEach
    void openStore() {
        events = events();
    }

    @Test
    void every_recorded_event_is_kept_until_retention_forgets_it() {
        Instant at = Instant.parse("1991-06-01T12:00:00Z");
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_FAILED, at, null, null, null, "wrong_password",
                "2001:db8::7", new EmailPseudonym("p-" + UUID.randomUUID())));
        events.record(new SecurityEvent(SecurityEventType.REFRESH_TOKEN_REUSE, at, null, null, null, "spent_token_replayed"));

        assertThat(events.forgetBefore(at, 10)).as("nothing before them").isZero();
        assertThat(events.forgetBefore(at.plusNanos(1000), 10)).isEqualTo(2);
        assertThat(events.forgetBefore(at.plusNanos(1000), 10)).as("forgotten once").isZero();
    }

    @Test
    void events_older_than_the_cut_off_are_forgotten_in_batches() {
        Instant ancient = Instant.parse("1990-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            events.record(new SecurityEvent(SecurityEventType.SIGN_IN_THROTTLED, ancient.plusSeconds(i), null, null, null, "old"));
        }
        events.record(new SecurityEvent(SecurityEventType.SIGN_IN_THROTTLED, ancient.plus(Duration.ofDays(1)), null, null, null, "recent"));

        assertThat(events.forgetBefore(ancient.plusSeconds(60), 2)).isEqualTo(2);
        assertThat(events.forgetBefore(ancient.plusSeconds(60), 2)).isEqualTo(1);
        assertThat(events.forgetBefore(ancient.plusSeconds(60), 2)).isZero();
        assertThat(events.forgetBefore(ancient.plus(Duration.ofDays(2)), 2)).as("the recent one was kept").isEqualTo(1);
    }
}
