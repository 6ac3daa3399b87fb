package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.SignInUseCase.SignInResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lock and the budget are taken before the hash; what a flood makes the service write. */
class SignInThrottleTest {

    private final ServiceFixture gatehouse = new ServiceFixture();

    @BeforeEach
    void anAccount() {
        gatehouse.registered("ada@example.com");
    }

    @Test
    void the_tenth_attempt_locks_before_its_hash_so_a_racing_attempt_is_refused() {
        failures(9);
        List<SignInResult> racing = racingTheNextCheck();
        assertThat(signIn("wrong password", "10.0.9.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(racing).containsExactly(new SignInResult.Throttled(Duration.ofSeconds(30)));
        assertThat(signIn(PASSWORD, "10.0.9.2")).isEqualTo(new SignInResult.Throttled(Duration.ofSeconds(30)));
    }

    @Test
    void each_lock_expiry_admits_one_guess_which_locks_again_before_its_hash() {
        failures(10);
        gatehouse.clock.advance(Duration.ofSeconds(30));
        List<SignInResult> racing = racingTheNextCheck();
        assertThat(signIn("wrong password", "10.0.9.1")).isEqualTo(new SignInResult.InvalidCredentials());
        assertThat(racing).hasSize(1).allSatisfy(result -> assertThat(result).isInstanceOf(SignInResult.Throttled.class));
        assertThat(signIn(PASSWORD, "10.0.9.2")).as("the 11th failure doubled the lock")
                .isEqualTo(new SignInResult.Throttled(Duration.ofSeconds(60)));
    }

    @Test
    void a_right_password_during_the_limit_attempt_lifts_the_hold() {
        failures(9);
        assertThat(signIn(PASSWORD, "10.0.9.1")).isInstanceOf(SignInResult.SignedIn.class);
        assertThat(signIn("wrong password", "10.0.9.2")).as("the run starts over").isEqualTo(new SignInResult.InvalidCredentials());
    }

    @Test
    void the_owners_sign_ins_end_the_run_but_not_the_minute_budget() {
        failures(9);
        assertThat(signIn(PASSWORD, "10.0.9.1")).isInstanceOf(SignInResult.SignedIn.class);
        failures(9);
        assertThat(signIn(PASSWORD, "10.0.9.1")).isInstanceOf(SignInResult.SignedIn.class);
        failures(2);
        assertThat(signIn(PASSWORD, "10.0.9.1")).as("20 failures this minute, although the run is only 2 long")
                .isEqualTo(new SignInResult.Throttled(Duration.ofMinutes(1)));
        gatehouse.clock.advance(Duration.ofMinutes(1));
        assertThat(signIn(PASSWORD, "10.0.9.1")).isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void a_failure_event_holds_the_address_and_the_emails_pseudonym_never_the_email() {
        signIn("wrong password", "203.0.113.9");
        SecurityEvent failure = gatehouse.events.ofType(SecurityEventType.SIGN_IN_FAILED).get(0);
        assertThat(failure.clientAddress()).isEqualTo("203.0.113.9");
        assertThat(failure.attemptedEmail()).isEqualTo(gatehouse.pseudonyms.of(EmailAddress.of("ada@example.com")));
        assertThat(failure.toString()).doesNotContain("ada@example.com");
    }

    @Test
    void ipv6_clients_are_counted_by_their_64() {
        for (int i = 0; i < 60; i++) {
            signIn("wrong password", "2001:db8:7:7::" + Integer.toHexString(i + 1), "spray" + i + "@example.com");
        }
        assertThat(signIn(PASSWORD, "2001:db8:7:7:ffff::1")).as("same /64").isInstanceOf(SignInResult.Throttled.class);
        assertThat(signIn(PASSWORD, "2001:db8:7:8::1")).as("the next /64").isInstanceOf(SignInResult.SignedIn.class);
    }

    @Test
    void a_flood_on_one_account_writes_an_event_per_guess_and_one_per_lock_and_window() {
        int before = gatehouse.events.size();
        for (int i = 0; i < 300; i++) {
            signIn("wrong password", "192.0.2.50");
        }
        assertThat(gatehouse.events.size() - before).as("10 failures, 1 lock, 1 address window").isEqualTo(12);
    }

    @Test
    void a_spray_from_one_address_writes_an_event_per_guess_and_one_per_window() {
        int before = gatehouse.events.size();
        for (int i = 0; i < 300; i++) {
            signIn("wrong password", "192.0.2.51", "spray" + i + "@example.com");
        }
        assertThat(gatehouse.events.size() - before).as("60 failures, 1 address window").isEqualTo(61);
        assertThat(gatehouse.windows.size()).isEqualTo(2);
    }

    /** The sign-in another caller makes while the next password check is running. */
    private List<SignInResult> racingTheNextCheck() {
        List<SignInResult> racing = new ArrayList<>();
        gatehouse.hasher.whileChecking = () -> {
            gatehouse.hasher.whileChecking = () -> { };
            racing.add(signIn(PASSWORD, "10.0.9.9"));
        };
        return racing;
    }

    private void failures(int count) {
        for (int i = 0; i < count; i++) {
            assertThat(signIn("wrong password", "10.0.0." + i)).isEqualTo(new SignInResult.InvalidCredentials());
        }
    }

    private SignInResult signIn(String password, String address) {
        return signIn(password, address, "ada@example.com");
    }

    private SignInResult signIn(String password, String address, String email) {
        return gatehouse.signIn.signIn(new SignInCommand(email, password, API, "JUnit", address));
    }
}
