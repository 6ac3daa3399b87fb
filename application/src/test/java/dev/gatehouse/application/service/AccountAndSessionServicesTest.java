package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterCommand;
import dev.gatehouse.application.port.in.RegisterUseCase.RegisterResult;
import dev.gatehouse.application.port.in.SessionsUseCase.DeleteResult;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.port.in.SignOutUseCase.SignOutResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Registration, authentication of bearer tokens, sessions, sign-out and RFC 7009 revocation. */
class AccountAndSessionServicesTest {

    private final ServiceFixture gatehouse = new ServiceFixture();

    @Test
    void registration_reports_each_invalid_field_and_stores_nothing() {
        var result = gatehouse.register.register(new RegisterCommand("nope", "short", " ", API, "JUnit", "198.51.100.2"));
        assertThat(result).isInstanceOfSatisfying(RegisterResult.Rejected.class, rejected ->
                assertThat(rejected.violations()).extracting(v -> v.field()).containsExactly("email", "password", "name"));
        assertThat(gatehouse.hasher.hashes).isZero();
    }

    @Test
    void an_email_registers_once_whatever_its_case_or_spaces() {
        gatehouse.registered("ada@example.com");
        assertThat(gatehouse.register.register(new RegisterCommand(" ADA@Example.com ", PASSWORD, "Ada", API, "JUnit", "198.51.100.2")))
                .isEqualTo(new RegisterResult.EmailTaken());
    }

    @Test
    void a_live_sessions_access_token_authenticates_and_stops_when_the_session_ends() {
        IssuedTokens tokens = gatehouse.registered("ada@example.com");
        assertThat(gatehouse.authenticate.authenticate(tokens.accessToken())).isEqualTo(new Authentication.Authenticated(
                new Caller(tokens.userId(), tokens.sessionId(), API)));
        gatehouse.signOut.signOut(new Caller(tokens.userId(), tokens.sessionId(), API));
        assertThat(gatehouse.authenticate.authenticate(tokens.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
        assertThat(gatehouse.authenticate.authenticate("garbage")).isInstanceOf(Authentication.Unauthenticated.class);
    }

    @Test
    void an_expired_access_token_does_not_authenticate() {
        IssuedTokens tokens = gatehouse.registered("ada@example.com");
        gatehouse.clock.advance(Duration.ofMinutes(15));
        assertThat(gatehouse.authenticate.authenticate(tokens.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
    }

    @Test
    void sessions_are_listed_newest_first_with_the_callers_marked_and_can_be_ended() {
        IssuedTokens first = gatehouse.registered("ada@example.com");
        gatehouse.clock.advance(Duration.ofMinutes(1));
        IssuedTokens second = signedIn("ada@example.com");
        Caller caller = new Caller(second.userId(), second.sessionId(), API);

        assertThat(gatehouse.sessions.sessionsOf(caller)).extracting(v -> v.family().id(), v -> v.current())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.sessionId(), true),
                        org.assertj.core.groups.Tuple.tuple(first.sessionId(), false));
        assertThat(gatehouse.sessions.delete(caller, first.sessionId())).isEqualTo(new DeleteResult.Deleted());
        assertThat(gatehouse.sessions.sessionsOf(caller)).hasSize(1);
    }

    @Test
    void nobody_ends_a_session_of_somebody_else() {
        IssuedTokens victim = gatehouse.registered("victim@example.com");
        IssuedTokens mallory = gatehouse.registered("mallory@example.com");
        Caller caller = new Caller(mallory.userId(), mallory.sessionId(), API);
        assertThat(gatehouse.sessions.delete(caller, victim.sessionId())).isEqualTo(new DeleteResult.NotFound());
        assertThat(gatehouse.families.find(victim.sessionId()).orElseThrow().isActiveAt(gatehouse.clock.instant())).isTrue();
    }

    @Test
    void sign_out_everywhere_ends_every_session_of_the_user_only() {
        IssuedTokens one = gatehouse.registered("ada@example.com");
        IssuedTokens two = signedIn("ada@example.com");
        IssuedTokens other = gatehouse.registered("bob@example.com");
        gatehouse.signOut.signOutEverywhere(new Caller(one.userId(), one.sessionId(), API));
        assertThat(gatehouse.authenticate.authenticate(two.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
        assertThat(gatehouse.authenticate.authenticate(other.accessToken())).isInstanceOf(Authentication.Authenticated.class);
    }

    @Test
    void sign_out_with_a_forged_refresh_token_is_refused() {
        assertThat(gatehouse.signOut.signOut("rt.forged", client -> true, "10.0.0.9")).isEqualTo(new SignOutResult.NotAuthentic());
    }

    @Test
    void sign_out_by_refresh_token_leaves_a_session_of_a_client_that_does_not_end_there() {
        IssuedTokens session = gatehouse.registered("ada@example.com");
        assertThat(gatehouse.signOut.signOut(session.refreshToken(), client -> !client.equals(API), "10.0.0.9"))
                .isEqualTo(new SignOutResult.OtherEndpoint(API));
        assertThat(gatehouse.authenticate.authenticate(session.accessToken())).isInstanceOf(Authentication.Authenticated.class);
        assertThat(gatehouse.signOut.signOut(session.refreshToken(), client -> true, "10.0.0.9")).isEqualTo(new SignOutResult.SignedOut());
        assertThat(gatehouse.authenticate.authenticate(session.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
    }

    /** A repeated sign-out or revocation changes nothing, so it writes nothing: no flood of events from one session. */
    @Test
    void only_the_call_that_ends_a_session_records_it_with_the_callers_address() {
        IssuedTokens byRefresh = gatehouse.registered("a@example.com");
        IssuedTokens byRevocation = gatehouse.registered("b@example.com");
        int before = gatehouse.events.ofType(SecurityEventType.SESSION_REVOKED).size();

        for (int i = 0; i < 3; i++) {
            assertThat(gatehouse.signOut.signOut(byRefresh.refreshToken(), client -> true, "10.0.0.9")).isEqualTo(new SignOutResult.SignedOut());
            gatehouse.revoke.revoke(byRevocation.refreshToken(), API, "10.0.0.8");
            gatehouse.revoke.revoke(byRefresh.refreshToken(), API, "10.0.0.8");
        }

        var revoked = gatehouse.events.ofType(SecurityEventType.SESSION_REVOKED);
        assertThat(revoked.subList(before, revoked.size()))
                .extracting(SecurityEvent::session, SecurityEvent::detail, SecurityEvent::clientAddress)
                .containsExactly(tuple(byRefresh.sessionId(), "signed_out", "10.0.0.9"),
                        tuple(byRevocation.sessionId(), "token_revoked", "10.0.0.8"));
    }

    @Test
    void revocation_ends_the_session_of_a_refresh_or_access_token_but_not_of_another_clients() {
        IssuedTokens byRefresh = gatehouse.registered("a@example.com");
        gatehouse.revoke.revoke(byRefresh.refreshToken(), API, "10.0.0.1");
        assertThat(gatehouse.authenticate.authenticate(byRefresh.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.SESSION_REVOKED)).singleElement()
                .satisfies(event -> assertThat(event.clientAddress()).isEqualTo("10.0.0.1"));

        IssuedTokens byAccess = gatehouse.registered("b@example.com");
        gatehouse.revoke.revoke(byAccess.accessToken(), API, "10.0.0.1");
        assertThat(gatehouse.authenticate.authenticate(byAccess.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);

        IssuedTokens foreign = gatehouse.registered("c@example.com");
        gatehouse.revoke.revoke(foreign.refreshToken(), new ClientId("web"), "10.0.0.1");
        assertThat(gatehouse.authenticate.authenticate(foreign.accessToken())).isInstanceOf(Authentication.Authenticated.class);

        gatehouse.revoke.revoke("anything at all", API, "10.0.0.1");
    }

    private IssuedTokens signedIn(String email) {
        var result = gatehouse.signIn.signIn(new SignInCommand(email, PASSWORD, API, "JUnit", "10.0.0.1"));
        return ((SignInResult.SignedIn) result).tokens();
    }
}
