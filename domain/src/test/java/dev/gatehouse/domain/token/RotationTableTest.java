package dev.gatehouse.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link RotationOutcome} of a {@link Rotation}, one row per rule, on fixed instants. Each row runs
 * the rotation as the store does: {@link Rotation#admittedBy} (the compare-and-set condition) decides
 * whether the family advances; only a refused rotation reads the family and asks {@link Rotation#refusedBy}.
 */
class RotationTableTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final TokenPolicy POLICY = TokenPolicy.defaults();
    static final ClientId API = new ClientId("api");
    static final FamilyId ID = new FamilyId(UUID.fromString("00000000-0000-4000-8000-000000000001"));

    /** A family signed in at T0 and rotated three times, the last at T0 + 1 h: generation 3. */
    static RefreshTokenFamily atGenerationThree() {
        var family = RefreshTokenFamily.start(ID, new UserId(UUID.randomUUID()), API, "ua", T0, POLICY);
        family = family.advancedAt(T0.plusSeconds(60), POLICY);
        family = family.advancedAt(T0.plusSeconds(120), POLICY);
        return family.advancedAt(T0.plus(Duration.ofHours(1)), POLICY);
    }

    static Stream<Arguments> rows() {
        Instant rotated = T0.plus(Duration.ofHours(1));
        Instant idleEnd = rotated.plus(Duration.ofDays(7));
        return Stream.of(
                row("the current token rotates", f -> f, 3, API, rotated.plusSeconds(5), RotationOutcome.Rotated.class),
                row("the current token rotates up to the idle expiry", f -> f, 3, API, idleEnd.minusNanos(1000),
                        RotationOutcome.Rotated.class),
                row("the predecessor within the grace replays", f -> f, 2, API, rotated.plusSeconds(9), RotationOutcome.GraceReplay.class),
                row("the predecessor at the grace's end is reuse", f -> f, 2, API, rotated.plusSeconds(10), RotationOutcome.ReuseDetected.class),
                row("an older generation is reuse, even within the grace", f -> f, 1, API, rotated.plusSeconds(1),
                        RotationOutcome.ReuseDetected.class),
                row("a generation from the future is reuse", f -> f, 4, API, rotated.plusSeconds(1), RotationOutcome.ReuseDetected.class),
                row("idle expiry ends the family", f -> f, 3, API, idleEnd, RotationOutcome.Expired.class),
                row("absolute expiry ends the family however fresh the rotation",
                        f -> keepRotating(f, T0.plus(Duration.ofDays(29))), 9, API, T0.plus(Duration.ofDays(30)), RotationOutcome.Expired.class),
                row("a revoked family refuses even its current token", f -> f.revokedAt(rotated.plusSeconds(1), RevocationReason.SIGNED_OUT),
                        3, API, rotated.plusSeconds(2), RotationOutcome.Revoked.class),
                row("another client's current token is refused", f -> f, 3, new ClientId("web"), rotated.plusSeconds(5),
                        RotationOutcome.ClientMismatch.class),
                row("the predecessor under another client within the grace is refused", f -> f, 2, new ClientId("web"),
                        rotated.plusSeconds(1), RotationOutcome.ClientMismatch.class),
                row("the predecessor under another client past the grace is reuse", f -> f, 2, new ClientId("web"),
                        rotated.plusSeconds(10), RotationOutcome.ReuseDetected.class),
                row("an older generation under another client is reuse, even within the grace", f -> f, 1, new ClientId("web"),
                        rotated.plusSeconds(1), RotationOutcome.ReuseDetected.class),
                row("a spent token of an ended family under another client is refused", f -> f, 2, new ClientId("web"), idleEnd,
                        RotationOutcome.ClientMismatch.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void rotate(String rule, UnaryOperator<RefreshTokenFamily> setUp, long presented, ClientId client, Instant now,
            Class<? extends RotationOutcome> expected) {
        RefreshTokenFamily family = setUp.apply(atGenerationThree());
        var rotation = new Rotation(new RefreshToken(ID, presented), client, now, POLICY);
        assertThat(rotation.admittedBy(family)).as("the store's condition").isEqualTo(expected == RotationOutcome.Rotated.class);
        assertThat(asTheStoreDoes(rotation, family)).isInstanceOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void deciding_never_changes_the_family_it_is_asked(String rule, UnaryOperator<RefreshTokenFamily> setUp, long presented,
            ClientId client, Instant now, Class<? extends RotationOutcome> expected) {
        RefreshTokenFamily family = setUp.apply(atGenerationThree());
        RefreshTokenFamily copy = new RefreshTokenFamily(family.id(), family.userId(), family.clientId(), family.generation(),
                family.state(), family.createdAt(), family.rotatedAt(), family.idleExpiresAt(), family.absoluteExpiresAt(),
                family.userAgent());
        asTheStoreDoes(new Rotation(new RefreshToken(ID, presented), client, now, POLICY), family);
        assertThat(family).isEqualTo(copy);
    }

    @Test
    void a_rotation_moves_one_generation_on_and_slides_the_idle_expiry() {
        Instant now = T0.plus(Duration.ofHours(2));
        var outcome = (RotationOutcome.Rotated) asTheStoreDoes(new Rotation(new RefreshToken(ID, 3), API, now, POLICY),
                atGenerationThree());
        assertThat(outcome.family().generation()).isEqualTo(4);
        assertThat(outcome.family().rotatedAt()).isEqualTo(now);
        assertThat(outcome.family().idleExpiresAt()).isEqualTo(now.plus(Duration.ofDays(7)));
        assertThat(outcome.family().absoluteExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void a_grace_replay_hands_back_the_current_family_so_the_successor_is_the_same() {
        var family = atGenerationThree();
        var outcome = (RotationOutcome.GraceReplay) asTheStoreDoes(new Rotation(new RefreshToken(ID, 2), API,
                family.rotatedAt().plusSeconds(3), POLICY), family);
        assertThat(RefreshToken.currentOf(outcome.family())).isEqualTo(new RefreshToken(ID, 3));
    }

    @Test
    void reuse_revokes_the_family_for_reuse() {
        var family = atGenerationThree();
        Instant now = family.rotatedAt().plusSeconds(1);
        var outcome = (RotationOutcome.ReuseDetected) asTheStoreDoes(new Rotation(new RefreshToken(ID, 0), API, now, POLICY), family);
        assertThat(outcome.revoked().state()).isEqualTo(new FamilyState.Revoked(RevocationReason.REUSE_DETECTED, now));
        assertThat(outcome.revoked().isActiveAt(now.plusSeconds(1))).isFalse();
    }

    @Test
    void a_family_that_is_gone_is_an_unknown_session() {
        var rotation = new Rotation(new RefreshToken(ID, 3), API, T0, POLICY);
        assertThat(rotation.refusedBy(Optional.empty())).isInstanceOf(RotationOutcome.UnknownSession.class);
    }

    @Test
    void a_store_that_refuses_a_rotation_the_family_admits_is_broken() {
        var family = atGenerationThree();
        var rotation = new Rotation(RefreshToken.currentOf(family), API, family.rotatedAt().plusSeconds(1), POLICY);
        assertThatThrownBy(() -> rotation.refusedBy(Optional.of(family))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_store_that_advances_to_anything_but_the_next_generation_is_broken() {
        var family = atGenerationThree();
        var rotation = new Rotation(RefreshToken.currentOf(family), API, family.rotatedAt().plusSeconds(1), POLICY);
        assertThatThrownBy(() -> rotation.succeeded(family)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void applying_a_rotation_the_family_does_not_admit_is_a_bug() {
        var family = atGenerationThree();
        var rotation = new Rotation(new RefreshToken(ID, 2), API, family.rotatedAt().plusSeconds(1), POLICY);
        assertThatThrownBy(() -> rotation.applyTo(family)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_idle_expiry_never_passes_the_absolute_one() {
        var family = keepRotating(atGenerationThree(), T0.plus(Duration.ofDays(29)));
        assertThat(family.idleExpiresAt()).isEqualTo(family.absoluteExpiresAt());
        assertThat(family.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    /** The compare-and-set of the store, on one family: advance what the predicate admits, else read and decide. */
    static RotationOutcome asTheStoreDoes(Rotation rotation, RefreshTokenFamily stored) {
        return rotation.admittedBy(stored) ? rotation.succeeded(rotation.applyTo(stored)) : rotation.refusedBy(Optional.of(stored));
    }

    private static RefreshTokenFamily keepRotating(RefreshTokenFamily family, Instant until) {
        RefreshTokenFamily current = family;
        for (Instant at = family.rotatedAt().plus(Duration.ofDays(5)); !at.isAfter(until); at = at.plus(Duration.ofDays(5))) {
            current = current.advancedAt(at, POLICY);
        }
        return current.advancedAt(until, POLICY);
    }

    private static Arguments row(String rule, UnaryOperator<RefreshTokenFamily> setUp, long presented, ClientId client,
            Instant now, Class<? extends RotationOutcome> expected) {
        return Arguments.of(rule, setUp, presented, client, now, expected);
    }
}
