package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.token.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ended sessions are listed with when and why they ended, for 30 days, and then purged. */
class EndedSessionsTest {

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final PurgeEndedSessionsService housekeeping = new PurgeEndedSessionsService(gatehouse.families, gatehouse.attempts,
            gatehouse.windows, gatehouse.events, gatehouse.emailTokens, gatehouse.resetCounts, Duration.ofDays(30), Duration.ofDays(90),
            gatehouse.clock);

    @Test
    void ended_sessions_are_listed_most_recently_ended_first_with_their_reason() {
        IssuedTokens expiring = gatehouse.registered("ada@example.com");
        gatehouse.clock.advance(Duration.ofDays(6));
        IssuedTokens signedOut = signIn();
        IssuedTokens deleted = signIn();
        IssuedTokens current = signIn();
        Caller caller = new Caller(current.userId(), current.sessionId(), API);
        gatehouse.signOut.signOut(new Caller(signedOut.userId(), signedOut.sessionId(), API));
        Instant signedOutAt = gatehouse.clock.instant();
        gatehouse.clock.advance(Duration.ofDays(1).plusHours(1));
        gatehouse.sessions.delete(caller, deleted.sessionId());
        Instant deletedAt = gatehouse.clock.instant();

        assertThat(gatehouse.sessions.endedSessionsOf(caller))
                .extracting(view -> view.family().id(), view -> view.end().reason(), view -> view.end().at())
                .containsExactly(
                        tuple(deleted.sessionId(), RevocationReason.SESSION_DELETED, deletedAt),
                        tuple(expiring.sessionId(), RevocationReason.EXPIRED_IDLE, Instant.parse("2026-03-08T09:00:00Z")),
                        tuple(signedOut.sessionId(), RevocationReason.SIGNED_OUT, signedOutAt));
    }

    @Test
    void ended_sessions_go_after_thirty_days_and_expired_email_tokens_with_them() {
        IssuedTokens ada = gatehouse.registered("ada@example.com");
        gatehouse.signOut.signOut(new Caller(ada.userId(), ada.sessionId(), API));
        assertThat(gatehouse.emailTokens.size()).as("the verification link").isEqualTo(1);

        gatehouse.clock.advance(Duration.ofDays(30));
        housekeeping.purge(10);
        assertThat(gatehouse.emailTokens.size()).as("the expired link").isZero();
        assertThat(gatehouse.families.find(ada.sessionId())).as("ended exactly 30 days ago").isPresent();
        gatehouse.clock.advance(Duration.ofSeconds(1));
        housekeeping.purge(10);
        assertThat(gatehouse.families.find(ada.sessionId())).isEmpty();
    }

    private IssuedTokens signIn() {
        var result = gatehouse.signIn.signIn(new SignInCommand("ada@example.com", PASSWORD, API, "JUnit", "10.0.0.1"));
        return ((SignInResult.SignedIn) result).tokens();
    }
}
