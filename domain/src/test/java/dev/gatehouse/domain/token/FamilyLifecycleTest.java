package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FamilyLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TokenPolicy POLICY = TokenPolicy.defaults();

    @Test
    void a_new_family_starts_active_at_generation_zero_with_both_expiries() {
        var family = aFamily("Mozilla/5.0");
        assertThat(family.generation()).isZero();
        assertThat(family.state()).isEqualTo(FamilyState.ACTIVE);
        assertThat(family.idleExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(family.absoluteExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(family.isActiveAt(T0.plus(Duration.ofDays(7)).minusMillis(1))).isTrue();
        assertThat(family.isActiveAt(T0.plus(Duration.ofDays(7)))).isFalse();
    }

    @Test
    void revocation_keeps_its_first_reason() {
        var revoked = aFamily("ua").revokedAt(T0.plusSeconds(1), RevocationReason.REUSE_DETECTED)
                .revokedAt(T0.plusSeconds(2), RevocationReason.SIGNED_OUT);
        assertThat(revoked.state()).isEqualTo(new FamilyState.Revoked(RevocationReason.REUSE_DETECTED, T0.plusSeconds(1)));
    }

    @Test
    void user_agents_are_cut_and_cleaned_for_display() {
        assertThat(aFamily("x".repeat(1000)).userAgent()).hasSize(RefreshTokenFamily.MAX_USER_AGENT_LENGTH);
        assertThat(aFamily("evil\r\nSet-Cookie: x").userAgent()).isEqualTo("evilSet-Cookie: x");
        assertThat(aFamily(null).userAgent()).isEmpty();
    }

    @Test
    void instants_out_of_order_are_a_bug() {
        assertThatThrownBy(() -> new RefreshTokenFamily(new FamilyId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new ClientId("api"), 0, FamilyState.ACTIVE, T0, T0.minusSeconds(1), T0.plusSeconds(10), T0.plusSeconds(20), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshTokenFamily(new FamilyId(UUID.randomUUID()), new UserId(UUID.randomUUID()),
                new ClientId("api"), 0, FamilyState.ACTIVE, T0, T0, T0.plusSeconds(30), T0.plusSeconds(20), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Hosts' clocks differ: an instance behind the one that signed in rotates without moving the rotation time back. */
    @Test
    void a_rotation_by_a_clock_behind_the_last_one_keeps_the_rotation_time_and_slides_the_idle_expiry_from_its_own() {
        var family = aFamily("ua");
        var behind = new Rotation(RefreshToken.currentOf(family), new ClientId("api"), T0.minusSeconds(30), POLICY);

        var rotated = behind.applyTo(family);

        assertThat(rotated.generation()).isOne();
        assertThat(rotated.rotatedAt()).isEqualTo(T0);
        assertThat(rotated.idleExpiresAt()).isEqualTo(T0.minusSeconds(30).plus(Duration.ofDays(7)));
        assertThat(rotated.rotationStoredAt(T0.minusSeconds(1)).rotatedAt()).isEqualTo(T0);
    }

    @Test
    void a_token_of_another_family_is_a_bug() {
        var family = aFamily("ua");
        var rotation = new Rotation(new RefreshToken(new FamilyId(UUID.randomUUID()), 0), new ClientId("api"), T0, POLICY);
        assertThat(rotation.admittedBy(family)).isFalse();
        assertThatThrownBy(() -> rotation.refusedBy(Optional.of(family))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void access_token_claims_follow_the_session_and_the_policy() {
        var family = aFamily("ua");
        var claims = AccessTokenClaims.forSession("https://id.example", "api", family, T0, POLICY, "jti-1");
        assertThat(claims.subject()).isEqualTo(family.userId());
        assertThat(claims.sessionId()).isEqualTo(family.id());
        assertThat(claims.clientId()).isEqualTo(family.clientId());
        assertThat(claims.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_policy_refuses_nonsense() {
        assertThatThrownBy(() -> new TokenPolicy(Duration.ZERO, Duration.ofDays(7), Duration.ofDays(30), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(31), Duration.ofDays(30), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofSeconds(10)))
                .as("a session would end before its access token needs a refresh").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7), TokenPolicy.LONGEST.plusSeconds(1),
                Duration.ofSeconds(10))).as("beyond ten years").hasMessage("absoluteTtl must be at most 3650 days");
        assertThat(new TokenPolicy(Duration.ofMinutes(15), TokenPolicy.LONGEST, TokenPolicy.LONGEST, Duration.ofSeconds(10))
                .idleExpiryFrom(Instant.EPOCH)).isEqualTo(Instant.EPOCH.plus(Duration.ofDays(3650)));
    }

    private static RefreshTokenFamily aFamily(String userAgent) {
        return RefreshTokenFamily.start(new FamilyId(UUID.randomUUID()), new UserId(UUID.randomUUID()), new ClientId("api"),
                userAgent, T0, POLICY);
    }
}
