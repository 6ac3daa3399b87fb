package dev.gatehouse.application.service.lifecycle;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RevocationReason;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private static final String NEW_PASSWORD = "a brand new password";

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered("ada@example.com");
    private final Caller caller = new Caller(ada.userId(), ada.sessionId(), API, "10.0.0.9");

    @Test
    void a_change_ends_every_other_session_keeps_the_callers_and_tells_the_owner() {
        IssuedTokens other = signIn(PASSWORD);
        assertThat(gatehouse.changePassword.change(caller, PASSWORD, NEW_PASSWORD)).isEqualTo(new PasswordCheckResult.Done());

        var now = gatehouse.clock.instant();
        assertThat(gatehouse.families.find(ada.sessionId()).orElseThrow().isActiveAt(now)).isTrue();
        assertThat(gatehouse.families.find(other.sessionId()).orElseThrow().endAt(now).orElseThrow().reason())
                .isEqualTo(RevocationReason.PASSWORD_CHANGED);
        assertThat(gatehouse.signIn.signIn(command(NEW_PASSWORD))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.notifications.of(Notification.PasswordChanged.class)).hasSize(1);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_CHANGED)).singleElement()
                .satisfies(event -> assertThat(event.clientAddress()).isEqualTo("10.0.0.9"));
    }

    @Test
    void a_change_voids_a_reset_link_sent_before_it_and_leaves_the_verification_link() {
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String reset = gatehouse.notifications.last(Notification.PasswordReset.class).token();
        String verification = gatehouse.notifications.last(Notification.EmailVerification.class).token();

        assertThat(gatehouse.changePassword.change(caller, PASSWORD, NEW_PASSWORD)).isEqualTo(new PasswordCheckResult.Done());

        assertThat(gatehouse.passwordReset.confirm(reset, "the attackers password", "10.0.0.7")).isEqualTo(new TokenResult.InvalidToken());
        assertThat(gatehouse.signIn.signIn(command(NEW_PASSWORD))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.emailVerification.confirm(verification)).isEqualTo(new TokenResult.Accepted());
    }

    @Test
    void of_two_changes_racing_on_one_account_the_later_is_a_wrong_password_and_the_winners_session_stays() {
        IssuedTokens other = signIn(PASSWORD);
        Caller rival = new Caller(other.userId(), other.sessionId(), API, "10.0.0.8");
        gatehouse.hasher.whileChecking = () -> {
            gatehouse.hasher.whileChecking = () -> { };
            assertThat(gatehouse.changePassword.change(rival, PASSWORD, "the rival's new password")).isEqualTo(new PasswordCheckResult.Done());
        };

        assertThat(gatehouse.changePassword.change(caller, PASSWORD, NEW_PASSWORD)).isEqualTo(new PasswordCheckResult.WrongPassword());

        assertThat(gatehouse.signIn.signIn(command("the rival's new password"))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.signIn.signIn(command(NEW_PASSWORD))).isInstanceOf(SignInResult.InvalidCredentials.class);
        assertThat(gatehouse.families.find(other.sessionId()).orElseThrow().isActiveAt(gatehouse.clock.instant())).isTrue();
        assertThat(gatehouse.notifications.of(Notification.PasswordChanged.class)).hasSize(1);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_CHANGED)).hasSize(1);
    }

    @Test
    void a_wrong_current_password_changes_nothing() {
        assertThat(gatehouse.changePassword.change(caller, "not my password", NEW_PASSWORD)).isEqualTo(new PasswordCheckResult.WrongPassword());
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_FAILED)).singleElement()
                .satisfies(event -> assertThat(event.clientAddress()).as("like a sign-in's").isEqualTo("10.0.0.9"));
        assertThat(gatehouse.signIn.signIn(command(PASSWORD))).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.notifications.of(Notification.PasswordChanged.class)).isEmpty();
    }

    @Test
    void wrong_current_passwords_count_like_failed_sign_ins_and_lock_the_account() {
        for (int i = 0; i < 10; i++) {
            gatehouse.changePassword.change(caller, "guess " + i, NEW_PASSWORD);
        }
        assertThat(gatehouse.changePassword.change(caller, PASSWORD, NEW_PASSWORD)).isInstanceOf(PasswordCheckResult.Throttled.class);
        assertThat(gatehouse.signIn.signIn(command(PASSWORD))).as("the same lock as sign-in").isInstanceOf(SignInResult.Throttled.class);
    }

    @Test
    void a_new_password_breaking_the_rules_is_rejected_before_anything_is_checked() {
        assertThat(gatehouse.changePassword.change(caller, PASSWORD, "short")).isInstanceOfSatisfying(PasswordCheckResult.Rejected.class,
                rejected -> assertThat(rejected.violations()).extracting(v -> v.field()).containsExactly("newPassword"));
        assertThat(gatehouse.hasher.checks).isZero();
    }

    private IssuedTokens signIn(String password) {
        return ((SignInResult.SignedIn) gatehouse.signIn.signIn(command(password))).tokens();
    }

    private static SignInCommand command(String password) {
        return new SignInCommand("ada@example.com", password, API, "JUnit", "10.0.0.1");
    }
}
