package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.PasswordHash;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInServiceTest {

    private final ServiceFixture gatehouse = new ServiceFixture();

    @BeforeEach
    void anAccount() {
        gatehouse.registered("ada@example.com");
    }

    @Test
    void the_right_password_starts_a_new_session() {
        SignInResult result = signIn("  ADA@example.com", PASSWORD, "10.0.0.1");
        assertThat(result).isInstanceOf(SignInResult.SignedIn.class);
        var tokens = ((SignInResult.SignedIn) result).tokens();
        assertThat(gatehouse.families.find(tokens.sessionId())).isPresent();
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_SUCCEEDED)).hasSize(1);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_look_the_same_and_cost_one_hash_each() {
        int before = gatehouse.hasher.checks;
        assertThat(signIn("ada@example.com", "wrong password", "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(signIn("nobody@example.com", "wrong password", "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.hasher.checks - before).isEqualTo(2);
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_FAILED)).extracting(e -> e.detail())
                .containsExactly("wrong_password", "unknown_account");
    }

    @Test
    void ten_failures_lock_the_account_even_for_the_right_password_until_the_lock_expires() {
        for (int i = 0; i < 10; i++) {
            signIn("ada@example.com", "wrong password", "10.0.0." + i);
        }
        SignInResult locked = signIn("ada@example.com", PASSWORD, "10.0.1.1");
        assertThat(locked).isEqualTo(new SignInResult.Throttled(Duration.ofSeconds(30)));
        gatehouse.clock.advance(Duration.ofSeconds(30));
        assertThat(signIn("ada@example.com", PASSWORD, "10.0.1.2")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(signIn("ada@example.com", "wrong password", "10.0.1.3")).as("success ended the run")
                .isEqualTo(new SignInResult.InvalidCredentials());
    }

    @Test
    void an_unknown_email_is_locked_like_a_known_one() {
        for (int i = 0; i < 10; i++) {
            signIn("ghost@example.com", "wrong password", "10.0.0." + i);
        }
        assertThat(signIn("ghost@example.com", "wrong password", "10.0.2.1")).isInstanceOf(SignInResult.Throttled.class);
    }

    @Test
    void one_address_gets_sixty_sign_ins_per_minute() {
        for (int i = 0; i < 60; i++) {
            assertThat(signIn("user" + i + "@example.com", "wrong password", "192.0.2.7")).isEqualTo(new SignInResult.InvalidCredentials());
        }
        assertThat(signIn("ada@example.com", PASSWORD, "192.0.2.7")).isInstanceOf(SignInResult.Throttled.class);
        gatehouse.clock.advance(Duration.ofMinutes(1));
        assertThat(signIn("ada@example.com", PASSWORD, "192.0.2.7")).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void unusable_input_is_refused_without_hashing() {
        int before = gatehouse.hasher.checks;
        assertThat(signIn("ada@example.com", "p".repeat(300), "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(signIn("not an email", PASSWORD, "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.hasher.checks).isEqualTo(before);
    }

    @Test
    void an_outdated_hash_is_upgraded_on_the_next_successful_sign_in() {
        var account = gatehouse.accounts.findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
        gatehouse.accounts.updatePasswordHash(account.id(), new PasswordHash("v1:" + PASSWORD));
        assertThat(signIn("ada@example.com", PASSWORD, "10.0.0.1")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.accounts.findById(account.id()).orElseThrow().passwordHash().encoded()).startsWith("v2:");
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_HASH_UPGRADED)).hasSize(1);
    }

    @Test
    void a_password_changed_while_the_old_one_was_checked_leaves_the_sign_in_without_a_session() {
        var account = gatehouse.accounts.findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
        gatehouse.accounts.updatePasswordHash(account.id(), new PasswordHash("v1:" + PASSWORD));
        var changed = new PasswordHash("v2:a password set meanwhile");
        gatehouse.hasher.whileChecking = () -> gatehouse.accounts.updatePasswordHash(account.id(), changed);

        assertThat(signIn("ada@example.com", PASSWORD, "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.accounts.findById(account.id()).orElseThrow().passwordHash()).as("the upgrade did not undo the change")
                .isEqualTo(changed);
        assertThat(gatehouse.events.ofType(SecurityEventType.PASSWORD_HASH_UPGRADED)).isEmpty();
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_SUCCEEDED)).isEmpty();
        assertThat(gatehouse.families.activeOf(account.id(), gatehouse.clock.instant())).as("only the registration's session")
                .hasSize(1);
    }

    @Test
    void another_sign_in_upgrading_the_hash_meanwhile_keeps_the_session() {
        var account = gatehouse.accounts.findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
        gatehouse.accounts.updatePasswordHash(account.id(), new PasswordHash("v1:" + PASSWORD));
        gatehouse.hasher.whileChecking = () -> gatehouse.accounts.replacePasswordHash(account.id(),
                new PasswordHash("v1:" + PASSWORD), new PasswordHash("v2:" + PASSWORD));
        int before = gatehouse.hasher.checks;

        assertThat(signIn("ada@example.com", PASSWORD, "10.0.0.1")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(gatehouse.hasher.checks - before).as("the new hash was checked too").isEqualTo(2);
    }

    @Test
    void an_account_deleted_while_the_password_was_checked_gets_no_session() {
        var account = gatehouse.accounts.findByEmail(EmailAddress.of("ada@example.com")).orElseThrow();
        gatehouse.hasher.whileChecking = () -> gatehouse.accounts.delete(account.id());

        assertThat(signIn("ada@example.com", PASSWORD, "10.0.0.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_SUCCEEDED)).isEmpty();
    }

    private SignInResult signIn(String email, String password, String address) {
        return gatehouse.signIn.signIn(new SignInCommand(email, password, API, "JUnit", address));
    }
}
