package dev.gatehouse.application.service.lifecycle;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {

    private static final EmailAddress ADA = EmailAddress.of("ada@example.com");

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered(ADA.value());
    private final Caller caller = new Caller(ada.userId(), ada.sessionId(), API);

    @Test
    void deletion_removes_the_account_its_sessions_tokens_and_counters_and_frees_the_address() {
        gatehouse.signIn.signIn(new SignInCommand(ADA.value(), "a wrong password", API, "JUnit", "10.0.0.1"));
        gatehouse.passwordReset.request(ADA.value(), "10.0.0.1");
        assertThat(gatehouse.emailTokens.size()).isEqualTo(2);

        assertThat(gatehouse.deleteAccount.delete(caller, PASSWORD)).isEqualTo(new PasswordCheckResult.Done());

        assertThat(gatehouse.accounts.findById(ada.userId())).isEmpty();
        assertThat(gatehouse.families.find(ada.sessionId())).isEmpty();
        assertThat(gatehouse.emailTokens.size()).isZero();
        assertThat(gatehouse.attempts.recordFailure(ADA, gatehouse.clock.instant())).as("no failures left").isEqualTo(1);
        assertThat(gatehouse.resetCounts.counts(ADA)).isFalse();
        assertThat(gatehouse.events.ofType(SecurityEventType.ACCOUNT_DELETED)).singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(ada.userId()));
        assertThat(gatehouse.registered(ADA.value()).userId()).isNotEqualTo(ada.userId());
    }

    @Test
    void a_wrong_password_deletes_nothing() {
        assertThat(gatehouse.deleteAccount.delete(caller, "not my password")).isEqualTo(new PasswordCheckResult.WrongPassword());
        assertThat(gatehouse.accounts.findById(ada.userId())).isPresent();
        assertThat(gatehouse.families.find(ada.sessionId())).isPresent();
    }
}
