package dev.gatehouse.application.service.lifecycle;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.port.in.lifecycle.PasswordResetUseCase.RequestResult;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RevocationReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordResetServiceTest {

    private static final String NEW_PASSWORD = "a brand new password";

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered("ada@example.com");

    @Test
    void an_unknown_address_gets_the_same_answer_and_costs_the_same_work_but_no_mail() {
        int mails = gatehouse.notifications.all().size();
        int tokensMade = gatehouse.emailTokenCodec.generated();

        assertThat(gatehouse.passwordReset.request("nobody@example.com", "10.0.0.1")).isEqualTo(new RequestResult.Accepted());
        assertThat(gatehouse.notifications.all()).hasSize(mails);
        assertThat(gatehouse.emailTokenCodec.generated()).as("a token was made and hashed").isEqualTo(tokensMade + 1);
        assertThat(gatehouse.emailTokens.decoys()).as("a decoy was stored").isEqualTo(1);

        assertThat(gatehouse.passwordReset.request(" ADA@example.com ", "10.0.0.1")).isEqualTo(new RequestResult.Accepted());
        assertThat(gatehouse.notifications.last(Notification.PasswordReset.class).validFor()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_answer_is_given_before_the_address_is_looked_up_so_its_timing_tells_nothing() {
        int mails = gatehouse.notifications.all().size();
        gatehouse.afterAnswer.hold();

        assertThat(gatehouse.passwordReset.request("ada@example.com", "10.0.0.1")).isEqualTo(new RequestResult.Accepted());
        assertThat(gatehouse.notifications.all()).as("mails before the answer").hasSize(mails);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_RESET_REQUESTED)).as("events before the answer").isEmpty();

        gatehouse.afterAnswer.runHeld();
        assertThat(gatehouse.notifications.all()).hasSize(mails + 1);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_RESET_REQUESTED)).singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(ada.userId()));
    }

    @Test
    void an_account_deleted_while_its_link_is_made_is_answered_like_an_unknown_address() {
        int mails = gatehouse.notifications.all().size();
        gatehouse.emailTokens.beforeStoring = () -> gatehouse.accounts.delete(ada.userId());

        assertThat(gatehouse.passwordReset.request("ada@example.com", "10.0.0.1")).isEqualTo(new RequestResult.Accepted());
        assertThat(gatehouse.notifications.all()).hasSize(mails);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_RESET_REQUESTED)).singleElement()
                .satisfies(event -> assertThat(event.detail()).isEqualTo("unknown_account"));
    }

    @Test
    void the_link_sets_the_new_password_and_ends_every_session() {
        IssuedTokens second = signIn(ServiceFixture.PASSWORD);
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String token = gatehouse.notifications.last(Notification.PasswordReset.class).token();

        assertThat(gatehouse.passwordReset.confirm(token, NEW_PASSWORD, "10.0.0.7")).isEqualTo(new TokenResult.Accepted());

        for (IssuedTokens session : new IssuedTokens[] {ada, second}) {
            assertThat(gatehouse.families.find(session.sessionId()).orElseThrow().endAt(gatehouse.clock.instant()).orElseThrow().reason())
                    .isEqualTo(RevocationReason.PASSWORD_RESET);
        }
        assertThat(gatehouse.signIn.signIn(command(ServiceFixture.PASSWORD))).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.signIn.signIn(command(NEW_PASSWORD))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.notifications.last(Notification.PasswordChanged.class).to().value()).isEqualTo("ada@example.com");
        assertThat(gatehouse.accounts.findById(ada.userId()).orElseThrow().emailVerified()).as("the link proved the address").isTrue();
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_RESET_REQUESTED)).last()
                .extracting(SecurityEvent::clientAddress).isEqualTo("10.0.0.1");
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_RESET)).last()
                .extracting(SecurityEvent::clientAddress).isEqualTo("10.0.0.7");
        assertThat(gatehouse.passwordReset.confirm(token, "yet another password", "10.0.0.7")).as("spent").isEqualTo(new TokenResult.InvalidToken());
    }

    @Test
    void the_link_lifts_a_sign_in_lock_that_guesses_at_the_old_password_caused() {
        for (int i = 0; i < 10; i++) {
            gatehouse.signIn.signIn(command("guess number " + i));
        }
        assertThat(gatehouse.signIn.signIn(command(ServiceFixture.PASSWORD))).as("locked").isInstanceOf(SignInResult.Throttled.class);
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String token = gatehouse.notifications.last(Notification.PasswordReset.class).token();

        assertThat(gatehouse.passwordReset.confirm(token, NEW_PASSWORD, "10.0.0.7")).isEqualTo(new TokenResult.Accepted());

        assertThat(gatehouse.signIn.signIn(command(NEW_PASSWORD))).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void the_link_expires_after_the_reset_ttl() {
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String token = gatehouse.notifications.last(Notification.PasswordReset.class).token();
        gatehouse.clock.advance(Duration.ofMinutes(30));
        assertThat(gatehouse.passwordReset.confirm(token, NEW_PASSWORD, "10.0.0.7")).isEqualTo(new TokenResult.InvalidToken());
        assertThat(gatehouse.hasher.hashes).as("nothing hashed for a dead link").isEqualTo(1);
    }

    @Test
    void a_new_password_breaking_the_rules_is_rejected_and_the_link_stays_usable() {
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String token = gatehouse.notifications.last(Notification.PasswordReset.class).token();
        assertThat(gatehouse.passwordReset.confirm(token, "short", "10.0.0.7")).isInstanceOfSatisfying(TokenResult.Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting(v -> v.field()).containsExactly("newPassword"));
        assertThat(gatehouse.passwordReset.confirm(token, NEW_PASSWORD, "10.0.0.7")).isEqualTo(new TokenResult.Accepted());
    }

    @Test
    void requests_are_throttled_per_address_the_same_for_unknown_ones() {
        for (String email : new String[] {"ada@example.com", "nobody@example.com"}) {
            for (int i = 0; i < 3; i++) {
                assertThat(gatehouse.passwordReset.request(email, "10.0.0." + i)).isEqualTo(new RequestResult.Accepted());
            }
            assertThat(gatehouse.passwordReset.request(email, "10.0.0.9")).isInstanceOfSatisfying(RequestResult.Throttled.class,
                    throttled -> assertThat(throttled.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        }
        assertThat(gatehouse.notifications.of(Notification.PasswordReset.class)).hasSize(3);
    }

    @Test
    void requests_are_throttled_per_client_address() {
        for (int i = 0; i < 10; i++) {
            gatehouse.passwordReset.request("someone" + i + "@example.com", "10.0.0.1");
        }
        assertThat(gatehouse.passwordReset.request("ada@example.com", "10.0.0.1")).isInstanceOf(RequestResult.Throttled.class);
        assertThat(gatehouse.passwordReset.request("ada@example.com", "10.0.0.2")).isEqualTo(new RequestResult.Accepted());
    }

    /** API.md: "202 always". Text that is no address has no account: answered, and worked, like an unknown one. */
    @Test
    void text_that_is_no_email_address_is_answered_like_an_unknown_address() {
        int mails = gatehouse.notifications.all().size();
        int tokensMade = gatehouse.emailTokenCodec.generated();
        assertThat(gatehouse.passwordReset.request("not an address", "10.0.0.1")).isEqualTo(new RequestResult.Accepted());
        assertThat(gatehouse.notifications.all()).hasSize(mails);
        assertThat(gatehouse.emailTokenCodec.generated()).as("the same work as for an unknown address").isEqualTo(tokensMade + 1);
    }

    @Test
    void a_request_without_an_address_is_rejected() {
        assertThat(gatehouse.passwordReset.request(null, "10.0.0.1")).isInstanceOf(RequestResult.Rejected.class);
        assertThat(gatehouse.passwordReset.request("  ", "10.0.0.1")).isInstanceOf(RequestResult.Rejected.class);
    }

    private IssuedTokens signIn(String password) {
        return ((SignInResult.SignedIn) gatehouse.signIn.signIn(command(password))).tokens();
    }

    private static SignInCommand command(String password) {
        return new SignInCommand("ada@example.com", password, API, "JUnit", "10.0.0.1");
    }
}
