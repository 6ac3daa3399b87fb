package dev.gatehouse.application.service.admin;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshCommand;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.AdminResult;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase.Search;
import dev.gatehouse.application.port.in.admin.Administrator;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.UserAccount;
import dev.gatehouse.domain.user.UserId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The administration of accounts, with fakes: what each call changes, and the event that names the admin. */
class AdministerUsersServiceTest {

    private static final Administrator OPS = new Administrator(new ClientId("ops"), "192.0.2.7");

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered("ada@example.com");
    private final String adaId = ada.userId().toString();

    @Test
    void an_account_is_found_by_its_canonical_email_and_the_search_is_recorded() {
        assertThat(found("  ADA@Example.com ")).singleElement()
                .satisfies(account -> assertThat(account.id()).isEqualTo(ada.userId()));
        assertThat(found("nobody@example.com")).isEmpty();
        assertThat(found("not an address")).isEmpty();
        assertThat(gatehouse.administer.findByEmail(OPS, null)).isEqualTo(new Search.NoAddress());
        assertThat(gatehouse.administer.findByEmail(OPS, " ")).isEqualTo(new Search.NoAddress());
        assertThat(gatehouse.events.ofType(SecurityEventType.ADMIN_USERS_SEARCHED)).extracting(SecurityEvent::detail)
                .as("every call, the refused ones too").containsExactly("found:1", "found:0", "found:0", "no_email", "no_email");
        assertThat(gatehouse.events.ofType(SecurityEventType.ADMIN_USERS_SEARCHED)).allSatisfy(event -> {
            assertThat(event.client()).isEqualTo(OPS.client());
            assertThat(event.clientAddress()).as("the admin's address, like a sign-in's").isEqualTo("192.0.2.7");
        });
    }

    @Test
    void a_user_is_shown_with_the_live_sessions_only() {
        IssuedTokens second = signedIn();
        gatehouse.signOut.signOut(second.refreshToken(), client -> true, "10.0.0.9");
        var user = gatehouse.administer.user(OPS, adaId).orElseThrow();
        assertThat(user.account().email().value()).isEqualTo("ada@example.com");
        assertThat(user.sessions()).extracting(family -> family.id()).containsExactly(ada.sessionId());
        assertThat(lastEvent(SecurityEventType.ADMIN_USER_VIEWED).user()).isEqualTo(ada.userId());
    }

    @Test
    void disabling_ends_every_session_refuses_sign_in_and_refresh_and_kills_access_tokens_here() {
        assertThat(gatehouse.administer.disable(OPS, adaId)).isEqualTo(new AdminResult.Done());

        assertThat(gatehouse.families.find(ada.sessionId()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.ACCOUNT_DISABLED, gatehouse.clock.instant()));
        assertThat(gatehouse.authenticate.authenticate(ada.accessToken())).isInstanceOf(Authentication.Unauthenticated.class);
        assertThat(gatehouse.refresh.refresh(new RefreshCommand(ada.refreshToken(), API, "10.0.0.1"))).isInstanceOf(RefreshResult.InvalidGrant.class);
        int hashes = gatehouse.hasher.checks;
        assertThat(signIn()).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.hasher.checks).as("the hash still runs").isEqualTo(hashes + 1);
        assertThat(lastEvent(SecurityEventType.ACCOUNT_DISABLED)).satisfies(event -> {
            assertThat(event.client()).isEqualTo(OPS.client());
            assertThat(event.user()).isEqualTo(ada.userId());
            assertThat(event.detail()).isEqualTo("sessions_ended:1");
        });
        assertThat(lastEvent(SecurityEventType.SIGN_IN_FAILED).detail()).isEqualTo("account_disabled");
    }

    @Test
    void enabling_lets_the_account_sign_in_again() {
        gatehouse.administer.disable(OPS, adaId);
        assertThat(gatehouse.administer.enable(OPS, adaId)).isEqualTo(new AdminResult.Done());
        assertThat(signIn()).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(lastEvent(SecurityEventType.ACCOUNT_ENABLED).client()).isEqualTo(OPS.client());
    }

    @Test
    void a_sign_in_that_checks_the_password_while_the_account_is_disabled_keeps_no_session() {
        gatehouse.hasher.whileChecking = () -> gatehouse.administer.disable(OPS, adaId);
        assertThat(signIn()).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.families.activeOf(ada.userId(), gatehouse.clock.instant())).isEmpty();
    }

    @Test
    void ending_the_sessions_leaves_the_account_able_to_sign_in() {
        IssuedTokens second = signedIn();
        assertThat(gatehouse.administer.endSessions(OPS, adaId)).isEqualTo(new AdminResult.Done());
        assertThat(gatehouse.families.find(second.sessionId()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.ADMIN, gatehouse.clock.instant()));
        assertThat(lastEvent(SecurityEventType.ADMIN_SESSIONS_ENDED).detail()).isEqualTo("sessions_ended:2");
        assertThat(signIn()).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void deleting_erases_as_the_owner_would_and_the_email_registers_again() {
        gatehouse.signIn.signIn(new SignInCommand("ada@example.com", "a wrong password", API, "JUnit", "10.0.0.1"));
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        var pseudonym = gatehouse.pseudonyms.of(EmailAddress.of("ada@example.com"));

        assertThat(gatehouse.administer.delete(OPS, adaId)).isEqualTo(new AdminResult.Done());

        assertThat(gatehouse.accounts.findById(ada.userId())).isEmpty();
        assertThat(gatehouse.families.find(ada.sessionId())).isEmpty();
        assertThat(gatehouse.emailTokens.size()).isZero();
        assertThat(gatehouse.attempts.counts(pseudonym)).isFalse();
        assertThat(gatehouse.resetCounts.counts(pseudonym)).isFalse();
        assertThat(lastEvent(SecurityEventType.ACCOUNT_DELETED).user()).isEqualTo(ada.userId());
        gatehouse.registered("ada@example.com");
    }

    @Test
    void an_id_in_capitals_names_the_same_account() {
        UserId lettered = IntStream.range(0, 16).mapToObj(i -> gatehouse.registered("user" + i + "@example.com").userId())
                .filter(id -> !id.toString().equals(id.toString().toUpperCase(Locale.ROOT))).findFirst().orElseThrow();
        String capitals = lettered.toString().toUpperCase(Locale.ROOT);
        assertThat(gatehouse.administer.user(OPS, capitals)).hasValueSatisfying(user -> assertThat(user.account().id()).isEqualTo(lettered));
        assertThat(gatehouse.administer.disable(OPS, capitals)).isEqualTo(new AdminResult.Done());
        assertThat(gatehouse.accounts.findById(lettered)).hasValueSatisfying(account -> assertThat(account.isDisabled()).isTrue());
    }

    @Test
    void unknown_and_malformed_ids_are_not_found_and_recorded_as_such() {
        String unknown = UUID.randomUUID().toString();
        for (String id : new String[] {unknown, "not-a-uuid", " " + adaId, adaId.replace("-", ""), "1-1-1-1-1"}) {
            assertThat(gatehouse.administer.disable(OPS, id)).as(id).isEqualTo(new AdminResult.NotFound());
            assertThat(gatehouse.administer.enable(OPS, id)).as(id).isEqualTo(new AdminResult.NotFound());
            assertThat(gatehouse.administer.endSessions(OPS, id)).as(id).isEqualTo(new AdminResult.NotFound());
            assertThat(gatehouse.administer.delete(OPS, id)).as(id).isEqualTo(new AdminResult.NotFound());
            assertThat(gatehouse.administer.user(OPS, id)).as(id).isEmpty();
        }
        assertThat(lastEvent(SecurityEventType.ACCOUNT_DELETED).detail()).isEqualTo("not_found");
        assertThat(gatehouse.accounts.findById(ada.userId())).as("untouched").hasValueSatisfying(a -> assertThat(a.isDisabled()).isFalse());
    }

    private SignInResult signIn() {
        return gatehouse.signIn.signIn(new SignInCommand("ada@example.com", PASSWORD, API, "JUnit", "10.0.0.1"));
    }

    private IssuedTokens signedIn() {
        return ((SignInResult.SignedIn) signIn()).tokens();
    }

    private SecurityEvent lastEvent(SecurityEventType type) {
        var events = gatehouse.events.ofType(type);
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    private List<UserAccount> found(String email) {
        return ((Search.Found) gatehouse.administer.findByEmail(OPS, email)).accounts();
    }
}
