package dev.gatehouse.application.service.lifecycle;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.lifecycle.EmailVerificationUseCase;
import dev.gatehouse.application.port.in.lifecycle.TokenResult;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailVerificationServiceTest {

    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens ada = gatehouse.registered("ada@example.com");

    @Test
    void registration_sends_a_link_valid_for_a_day_and_following_it_verifies_the_address() {
        var link = gatehouse.notifications.last(Notification.EmailVerification.class);
        assertThat(link.to().value()).isEqualTo("ada@example.com");
        assertThat(link.validFor()).isEqualTo(Duration.ofHours(24));
        assertThat(verified()).isFalse();

        assertThat(gatehouse.emailVerification.confirm(link.token())).isEqualTo(new TokenResult.Accepted());
        assertThat(verified()).isTrue();
        assertThat(gatehouse.events.ofType(SecurityEventType.EMAIL_VERIFIED)).singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(ada.userId()));
    }

    @Test
    void a_link_works_once() {
        String token = gatehouse.notifications.last(Notification.EmailVerification.class).token();
        gatehouse.emailVerification.confirm(token);
        assertThat(gatehouse.emailVerification.confirm(token)).isEqualTo(new TokenResult.InvalidToken());
    }

    @Test
    void a_link_expires_after_a_day() {
        String token = gatehouse.notifications.last(Notification.EmailVerification.class).token();
        gatehouse.clock.advance(Duration.ofHours(24));
        assertThat(gatehouse.emailVerification.confirm(token)).isEqualTo(new TokenResult.InvalidToken());
        assertThat(verified()).isFalse();
    }

    @Test
    void a_new_link_replaces_the_old_one() {
        String old = gatehouse.notifications.last(Notification.EmailVerification.class).token();
        gatehouse.emailVerification.requestVerification(caller());
        String fresh = gatehouse.notifications.last(Notification.EmailVerification.class).token();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(gatehouse.emailVerification.confirm(old)).isEqualTo(new TokenResult.InvalidToken());
        assertThat(gatehouse.emailVerification.confirm(fresh)).isEqualTo(new TokenResult.Accepted());
    }

    @Test
    void a_verified_address_gets_no_more_links() {
        gatehouse.emailVerification.confirm(gatehouse.notifications.last(Notification.EmailVerification.class).token());
        gatehouse.emailVerification.requestVerification(caller());
        assertThat(gatehouse.notifications.of(Notification.EmailVerification.class)).hasSize(1);
    }

    @Test
    void an_account_gets_three_links_an_hour_on_request_and_then_waits_for_the_next_hour() {
        gatehouse.clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            assertThat(gatehouse.emailVerification.requestVerification(caller())).isEqualTo(new EmailVerificationUseCase.RequestResult.Accepted());
        }
        var refused = gatehouse.emailVerification.requestVerification(caller());
        gatehouse.emailVerification.requestVerification(caller());

        assertThat(refused).isInstanceOfSatisfying(EmailVerificationUseCase.RequestResult.Throttled.class,
                throttled -> assertThat(throttled.retryAfter()).as("until the clock hour ends").isEqualTo(Duration.ofMinutes(50)));
        assertThat(gatehouse.notifications.of(Notification.EmailVerification.class)).as("registration's link and three more").hasSize(4);
        assertThat(gatehouse.events.ofType(SecurityEventType.EMAIL_VERIFICATION_THROTTLED)).as("the first refusal only").singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(ada.userId()));
        gatehouse.clock.advance(Duration.ofHours(1));
        assertThat(gatehouse.emailVerification.requestVerification(caller())).isEqualTo(new EmailVerificationUseCase.RequestResult.Accepted());
    }

    @Test
    void an_account_deleted_meanwhile_gets_no_link_and_the_usual_answer() {
        int mails = gatehouse.notifications.all().size();
        gatehouse.emailTokens.beforeStoring = () -> gatehouse.accounts.delete(ada.userId());
        assertThat(gatehouse.emailVerification.requestVerification(caller())).as("deleted after it was counted")
                .isEqualTo(new EmailVerificationUseCase.RequestResult.Accepted());
        assertThat(gatehouse.emailVerification.requestVerification(caller())).as("deleted before it was counted")
                .isEqualTo(new EmailVerificationUseCase.RequestResult.Accepted());
        assertThat(gatehouse.notifications.all()).hasSize(mails);
    }

    @Test
    void a_reset_token_does_not_verify_and_is_not_spent_by_trying() {
        gatehouse.passwordReset.request("ada@example.com", "10.0.0.1");
        String resetToken = gatehouse.notifications.last(Notification.PasswordReset.class).token();
        assertThat(gatehouse.emailVerification.confirm(resetToken)).isEqualTo(new TokenResult.InvalidToken());
        assertThat(verified()).isFalse();
        assertThat(gatehouse.passwordReset.confirm(resetToken, "a brand new password", "10.0.0.7")).isEqualTo(new TokenResult.Accepted());
    }

    @Test
    void garbage_is_an_invalid_token() {
        assertThat(gatehouse.emailVerification.confirm("not a token")).isEqualTo(new TokenResult.InvalidToken());
        assertThat(gatehouse.emailVerification.confirm(null)).isEqualTo(new TokenResult.InvalidToken());
    }

    private boolean verified() {
        return gatehouse.accounts.findById(ada.userId()).orElseThrow().emailVerified();
    }

    private Caller caller() {
        return new Caller(ada.userId(), ada.sessionId(), API);
    }
}
