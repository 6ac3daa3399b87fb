package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final PurgeEndedSessionsService housekeeping = new PurgeEndedSessionsService(gatehouse.families, gatehouse.attempts,
            gatehouse.windows, gatehouse.events, gatehouse.emailTokens, gatehouse.resetCounts, Duration.ofMinutes(16),
            Duration.ofDays(90), gatehouse.clock);

    @Test
    void ended_sessions_go_after_the_retention_and_live_ones_stay() {
        var ended = gatehouse.registered("ended@example.com");
        var live = gatehouse.registered("live@example.com");
        gatehouse.signOut.signOut(new Caller(ended.userId(), ended.sessionId(), API));

        gatehouse.clock.advance(Duration.ofMinutes(15));
        assertThat(housekeeping.purge(10)).isZero();
        gatehouse.clock.advance(Duration.ofMinutes(2));
        assertThat(housekeeping.purge(10)).isEqualTo(1);
        assertThat(gatehouse.families.find(ended.sessionId())).isEmpty();
        assertThat(gatehouse.families.find(live.sessionId())).isPresent();
    }

    @Test
    void a_run_of_failures_is_forgiven_a_day_after_its_last_failure() {
        gatehouse.registered("ada@example.com");
        for (int i = 0; i < 9; i++) {
            signIn("wrong password");
        }
        gatehouse.clock.advance(Duration.ofDays(1).plusSeconds(1));
        housekeeping.purge(10);
        signIn("wrong password");
        assertThat(signIn("wrong password")).as("the run started over: no lock after 2 failures")
                .isEqualTo(new SignInResult.InvalidCredentials());
    }

    @Test
    void address_counters_go_when_their_window_ends() {
        signIn("wrong password");
        assertThat(gatehouse.windows.size()).isEqualTo(1);
        gatehouse.clock.advance(Duration.ofSeconds(59));
        housekeeping.purge(10);
        assertThat(gatehouse.windows.size()).isEqualTo(1);
        gatehouse.clock.advance(Duration.ofSeconds(1));
        housekeeping.purge(10);
        assertThat(gatehouse.windows.size()).isZero();
    }

    @Test
    void security_events_go_after_their_retention() {
        signIn("wrong password");
        gatehouse.clock.advance(Duration.ofDays(89));
        signIn("wrong password");
        gatehouse.clock.advance(Duration.ofDays(1).plusSeconds(1));
        housekeeping.purge(10);
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_FAILED)).hasSize(1)
                .allSatisfy(kept -> assertThat(kept.at()).isEqualTo(gatehouse.clock.instant().minus(Duration.ofDays(1).plusSeconds(1))));
    }

    private SignInResult signIn(String password) {
        return gatehouse.signIn.signIn(new SignInCommand("ada@example.com", password, API, "JUnit", "10.1.1.1"));
    }
}
