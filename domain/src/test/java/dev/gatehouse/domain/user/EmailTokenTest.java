package dev.gatehouse.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailTokenTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final UserId USER = new UserId(UUID.randomUUID());

    @Test
    void verification_tokens_live_a_day_and_reset_tokens_as_configured() {
        var policy = EmailTokenPolicy.withResetTtl(Duration.ofMinutes(30));
        assertThat(EmailToken.issue(new TokenHash("h1"), USER, EmailTokenPurpose.EMAIL_VERIFICATION, T0, policy).expiresAt())
                .isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(EmailToken.issue(new TokenHash("h2"), USER, EmailTokenPurpose.PASSWORD_RESET, T0, policy).lifetime())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_reset_link_lives_between_a_moment_and_a_day() {
        assertThatThrownBy(() -> EmailTokenPolicy.withResetTtl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailTokenPolicy.withResetTtl(Duration.ofHours(25))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_new_account_is_unverified_and_verification_keeps_everything_else() {
        var account = new UserAccount(USER, EmailAddress.of("ada@example.com"), new DisplayName("Ada"), new PasswordHash("x"), T0);
        assertThat(account.emailVerified()).isFalse();
        var verified = account.withEmailVerified();
        assertThat(verified).isEqualTo(new UserAccount(USER, account.email(), account.name(), account.passwordHash(), T0, true,
                AccountStatus.ACTIVE));
        assertThat(verified.withPasswordHash(new PasswordHash("y")).emailVerified()).isTrue();
    }
}
