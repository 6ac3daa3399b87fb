package dev.gatehouse.application.service.lifecycle;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static dev.gatehouse.application.testing.ServiceFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.SignInUseCase.SignInCommand;
import dev.gatehouse.application.port.in.lifecycle.PasswordCheckResult;
import dev.gatehouse.application.port.out.mail.OutgoingMails;
import dev.gatehouse.application.port.out.mail.SealedContent;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.application.testing.StoreFixtures;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;
import org.junit.jupiter.api.Test;

class DeleteAccountServiceTest {

    private static final EmailAddress ADA = EmailAddress.of("ada@example.com");

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered(ADA.value());
    private final Caller caller = new Caller(ada.userId(), ada.sessionId(), API, "10.0.0.9");

    @Test
    void deletion_removes_the_account_its_sessions_tokens_counters_and_event_origins_and_frees_the_address() {
        gatehouse.signIn.signIn(new SignInCommand(ADA.value(), "a wrong password", API, "JUnit", "10.0.0.1"));
        gatehouse.passwordReset.request(ADA.value(), "10.0.0.1");
        assertThat(gatehouse.attempts.counts(gatehouse.pseudonyms.of(ADA))).isTrue();
        assertThat(gatehouse.emailTokens.size()).isEqualTo(2);

        assertThat(gatehouse.deleteAccount.delete(caller, PASSWORD)).isEqualTo(new PasswordCheckResult.Done());

        assertThat(gatehouse.accounts.findById(ada.userId())).isEmpty();
        assertThat(gatehouse.families.find(ada.sessionId())).isEmpty();
        assertThat(gatehouse.emailTokens.size()).isZero();
        EmailPseudonym pseudonym = gatehouse.pseudonyms.of(ADA);
        assertThat(gatehouse.attempts.counts(pseudonym)).as("no sign-in counters left").isFalse();
        assertThat(gatehouse.resetCounts.counts(pseudonym)).as("no reset counters left").isFalse();
        assertThat(gatehouse.events.ofType(SecurityEventType.ACCOUNT_DELETED)).singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(ada.userId()));
        assertThat(gatehouse.events.all()).filteredOn(event -> ada.userId().equals(event.user()) || pseudonym.equals(event.attemptedEmail()))
                .isNotEmpty().allSatisfy(event -> {
                    assertThat(event.clientAddress()).isNull();
                    assertThat(event.attemptedEmail()).isNull();
                });
        assertThat(gatehouse.registered(ADA.value()).userId()).isNotEqualTo(ada.userId());
    }

    @Test
    void deletion_removes_the_mails_still_waiting_for_the_address_and_no_others() {
        gatehouse.outgoingMails.offer(aMailTo(ADA), 10);
        gatehouse.outgoingMails.offer(aMailTo(EmailAddress.of("grace@example.com")), 10);

        assertThat(gatehouse.deleteAccount.delete(caller, PASSWORD)).isEqualTo(new PasswordCheckResult.Done());

        assertThat(gatehouse.outgoingMails.pending()).isOne();
        assertThat(gatehouse.outgoingMails.deleteAllTo(ADA)).isZero();
    }

    private static OutgoingMails.NewMail aMailTo(EmailAddress to) {
        return new OutgoingMails.NewMail("password_changed", to, new SealedContent("k1", new byte[] {1}), null, StoreFixtures.T0);
    }

    @Test
    void a_wrong_password_deletes_nothing() {
        assertThat(gatehouse.deleteAccount.delete(caller, "not my password")).isEqualTo(new PasswordCheckResult.WrongPassword());
        assertThat(gatehouse.events.ofType(SecurityEventType.SIGN_IN_FAILED)).singleElement()
                .satisfies(event -> assertThat(event.clientAddress()).as("like a sign-in's").isEqualTo("10.0.0.9"));
        assertThat(gatehouse.accounts.findById(ada.userId())).isPresent();
        assertThat(gatehouse.families.find(ada.sessionId())).isPresent();
    }
}
