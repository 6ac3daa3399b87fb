package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a session ended: its revocation or its expiry, whichever came first. */
class SessionEndTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TokenPolicy POLICY = TokenPolicy.defaults();

    @Test
    void a_live_session_has_not_ended() {
        assertThat(aFamily().endAt(T0.plusSeconds(1))).isEmpty();
    }

    @Test
    void a_revoked_session_ended_when_and_why_it_was_revoked() {
        var revoked = aFamily().revokedAt(T0.plusSeconds(5), RevocationReason.PASSWORD_CHANGED);
        assertThat(revoked.endAt(T0.plusSeconds(6))).contains(new SessionEnd(RevocationReason.PASSWORD_CHANGED, T0.plusSeconds(5)));
        assertThat(revoked.endAt(T0.plus(Duration.ofDays(40))))
                .as("a later expiry does not replace the revocation")
                .contains(new SessionEnd(RevocationReason.PASSWORD_CHANGED, T0.plusSeconds(5)));
    }

    @Test
    void an_unrefreshed_session_expired_idle_at_its_idle_expiry() {
        var family = aFamily();
        assertThat(family.endAt(family.idleExpiresAt())).contains(new SessionEnd(RevocationReason.EXPIRED_IDLE, family.idleExpiresAt()));
    }

    @Test
    void a_session_refreshed_up_to_its_absolute_lifetime_expired_absolute() {
        var family = aFamily();
        for (int day = 6; day < 30; day += 6) {
            family = family.advancedAt(T0.plus(Duration.ofDays(day)), POLICY);
        }
        assertThat(family.idleExpiresAt()).isEqualTo(family.absoluteExpiresAt());
        assertThat(family.endAt(T0.plus(Duration.ofDays(31))))
                .contains(new SessionEnd(RevocationReason.EXPIRED_ABSOLUTE, T0.plus(Duration.ofDays(30))));
    }

    @Test
    void an_expired_session_cannot_be_revoked_afterwards_so_its_end_stays_the_expiry() {
        var family = aFamily();
        Instant later = family.idleExpiresAt().plusSeconds(60);
        assertThat(family.revokedAt(later, RevocationReason.SIGNED_OUT_EVERYWHERE)).isSameAs(family);
    }

    @Test
    void expiry_is_never_a_revocation() {
        assertThatThrownBy(() -> aFamily().revokedAt(T0, RevocationReason.EXPIRED_IDLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_reason_has_its_api_name() {
        assertThat(RevocationReason.values()).extracting(RevocationReason::code).containsExactly("signed_out",
                "signed_out_everywhere", "revoked", "revoked", "reuse_detected", "expired_idle", "expired_absolute",
                "password_changed", "password_reset", "account_disabled", "admin");
    }

    private static RefreshTokenFamily aFamily() {
        return RefreshTokenFamily.start(new FamilyId(UUID.randomUUID()), new UserId(UUID.randomUUID()), new ClientId("api"),
                "ua", T0, POLICY);
    }
}
