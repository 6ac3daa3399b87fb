package dev.gatehouse.application.testing;

import static dev.gatehouse.application.testing.StoreFixtures.API;
import static dev.gatehouse.application.testing.StoreFixtures.POLICY;
import static dev.gatehouse.application.testing.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.RefreshTokenFamilies.AdvanceResult;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.RefreshToken;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshTokenFamilies} does, run against the in-memory fake and against PostgreSQL, so
 * the two cannot drift apart. Above all: {@link RefreshTokenFamilies#advance} advances exactly the
 * families that {@link Rotation#admittedBy admit} the rotation, to {@link Rotation#applyTo}.
 */
public abstract class RefreshTokenFamiliesContract {

    /** The store under test; families need their account stored first in {@link #accounts()}. */
    protected abstract RefreshTokenFamilies families();

    protected abstract UserAccounts accounts();

    @Test
    void a_family_is_stored_and_read_back_unchanged() {
        RefreshTokenFamily family = aStoredFamily();
        assertThat(families().find(family.id())).contains(family);
        assertThat(families().find(new FamilyId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_family_of_an_account_deleted_meanwhile_is_refused_as_such() {
        UserAccount account = aStoredAccount();
        accounts().delete(account.id());

        assertThatThrownBy(() -> families().add(StoreFixtures.aFamilyOf(account, T0))).isInstanceOf(AccountDeletedException.class);
    }

    @Test
    void advance_moves_an_admitting_family_one_generation_on_and_slides_the_idle_expiry() {
        RefreshTokenFamily family = aStoredFamily();
        var rotation = new Rotation(RefreshToken.currentOf(family), API, T0.plus(Duration.ofHours(1)), POLICY);

        assertThat(families().advance(rotation)).isEqualTo(new AdvanceResult.Advanced(rotation.applyTo(family)));
        assertThat(families().find(family.id())).contains(rotation.applyTo(family));
    }

    /** An instance whose clock is behind the one that signed in (skewed hosts, an NTP step back) still rotates. */
    @Test
    void a_rotation_dated_before_the_last_one_advances_the_family_and_keeps_its_rotation_time() {
        RefreshTokenFamily family = aStoredFamily();
        var behind = new Rotation(RefreshToken.currentOf(family), API, family.rotatedAt().minusSeconds(30), POLICY);

        assertThat(families().advance(behind)).isEqualTo(new AdvanceResult.Advanced(behind.applyTo(family)));
        RefreshTokenFamily rotated = families().find(family.id()).orElseThrow();
        assertThat(rotated.generation()).isEqualTo(family.generation() + 1);
        assertThat(rotated.rotatedAt()).isEqualTo(family.rotatedAt());
        assertThat(rotated.idleExpiresAt()).isEqualTo(POLICY.idleExpiryFrom(behind.at()));

        families().restampRotation(family.id(), rotated.generation(), family.rotatedAt().minusSeconds(5));
        assertThat(families().find(family.id())).as("a late restamp never moves it back either").contains(rotated);
    }

    @Test
    void a_rotation_is_restamped_only_at_its_generation_while_active() {
        RefreshTokenFamily family = aStoredFamily();
        var rotation = new Rotation(RefreshToken.currentOf(family), API, T0.plus(Duration.ofHours(1)), POLICY);
        RefreshTokenFamily rotated = rotation.applyTo(family);
        families().advance(rotation);
        Instant stored = rotation.at().plus(Duration.ofSeconds(25));

        families().restampRotation(family.id(), family.generation(), stored.plusSeconds(1));
        assertThat(families().find(family.id())).as("an older generation").contains(rotated);
        families().restampRotation(family.id(), rotated.generation(), stored);
        assertThat(families().find(family.id())).contains(rotated.rotationStoredAt(stored));
        families().revoke(family.id(), RevocationReason.SIGNED_OUT, stored);
        families().restampRotation(family.id(), rotated.generation(), stored.plusSeconds(1));
        assertThat(families().find(family.id()).orElseThrow().rotatedAt()).as("ended").isEqualTo(stored);
    }

    @Test
    void advance_caps_the_idle_expiry_at_the_absolute_one() {
        RefreshTokenFamily current = aStoredFamily();
        for (int day = 5; day <= 29; day += 6) {
            var rotation = new Rotation(RefreshToken.currentOf(current), API, T0.plus(Duration.ofDays(day)), POLICY);
            current = ((AdvanceResult.Advanced) families().advance(rotation)).family();
        }
        assertThat(current.generation()).isEqualTo(5);
        assertThat(current.idleExpiresAt()).isEqualTo(current.absoluteExpiresAt());
    }

    @Test
    void advance_follows_the_domain_predicate_at_every_edge() {
        RefreshTokenFamily family = aStoredFamily();
        Instant soon = T0.plusSeconds(60);
        advancesExactlyWhenAdmitted(family, new Rotation(new RefreshToken(family.id(), 1), API, soon, POLICY));
        advancesExactlyWhenAdmitted(family, new Rotation(RefreshToken.currentOf(family), new ClientId("web"), soon, POLICY));
        advancesExactlyWhenAdmitted(family, new Rotation(RefreshToken.currentOf(family), API, family.idleExpiresAt(), POLICY));
        Instant lastMicrosecond = family.idleExpiresAt().minusNanos(1000);
        RefreshTokenFamily advanced = advancesExactlyWhenAdmitted(family,
                new Rotation(RefreshToken.currentOf(family), API, lastMicrosecond, POLICY));
        advancesExactlyWhenAdmitted(advanced, new Rotation(RefreshToken.currentOf(family), API, lastMicrosecond, POLICY));

        RefreshTokenFamily revoked = aStoredFamily();
        families().revoke(revoked.id(), RevocationReason.SIGNED_OUT, soon);
        advancesExactlyWhenAdmitted(families().find(revoked.id()).orElseThrow(),
                new Rotation(RefreshToken.currentOf(revoked), API, soon, POLICY));
    }

    @Test
    void advance_of_an_unknown_family_changes_nothing() {
        var rotation = new Rotation(new RefreshToken(new FamilyId(UUID.randomUUID()), 0), API, T0, POLICY);
        assertThat(families().advance(rotation)).isEqualTo(new AdvanceResult.NotAdvanced());
        assertThat(families().find(rotation.presented().familyId())).isEmpty();
    }

    @Test
    void of_racing_advances_with_one_token_exactly_one_wins() throws Exception {
        RefreshTokenFamily family = aStoredFamily();
        int racers = 16;
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<AdvanceResult>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                var rotation = new Rotation(RefreshToken.currentOf(family), API, T0.plusMillis(1000 + i), POLICY);
                Callable<AdvanceResult> race = () -> {
                    start.await();
                    return families().advance(rotation);
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            int winners = 0;
            for (var result : results) {
                winners += result.get() instanceof AdvanceResult.Advanced ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(families().find(family.id()).orElseThrow().generation()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revoke_keeps_the_first_reason() {
        RefreshTokenFamily family = aStoredFamily();
        families().revoke(family.id(), RevocationReason.REUSE_DETECTED, T0.plusSeconds(1));
        families().revoke(family.id(), RevocationReason.SIGNED_OUT, T0.plusSeconds(2));
        assertThat(families().find(family.id()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.REUSE_DETECTED, T0.plusSeconds(1)));
    }

    @Test
    void active_families_of_a_user_are_listed_newest_first_and_revoke_all_ends_them() {
        UserAccount account = aStoredAccount();
        var older = StoreFixtures.aFamilyOf(account, T0);
        var newer = StoreFixtures.aFamilyOf(account, T0.plusSeconds(10));
        var ended = StoreFixtures.aFamilyOf(account, T0.plusSeconds(20));
        List.of(older, newer, ended).forEach(families()::add);
        families().revoke(ended.id(), RevocationReason.SESSION_DELETED, T0.plusSeconds(30));

        assertThat(families().activeOf(account.id(), T0.plusSeconds(40))).containsExactly(newer, older);
        assertThat(families().activeOf(account.id(), older.idleExpiresAt())).containsExactly(newer);

        assertThat(families().revokeAllOf(account.id(), RevocationReason.SIGNED_OUT_EVERYWHERE, T0.plusSeconds(50))).isEqualTo(2);
        assertThat(families().activeOf(account.id(), T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void the_administrators_reasons_are_kept_and_delete_all_removes_every_family_of_the_user_only() {
        UserAccount account = aStoredAccount();
        UserAccount other = aStoredAccount();
        var disabled = StoreFixtures.aFamilyOf(account, T0);
        var ended = StoreFixtures.aFamilyOf(account, T0);
        var others = StoreFixtures.aFamilyOf(other, T0);
        List.of(disabled, ended, others).forEach(families()::add);
        families().revoke(ended.id(), RevocationReason.ADMIN, T0.plusSeconds(1));
        assertThat(families().revokeAllOf(account.id(), RevocationReason.ACCOUNT_DISABLED, T0.plusSeconds(2))).isEqualTo(1);
        assertThat(families().find(disabled.id()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.ACCOUNT_DISABLED, T0.plusSeconds(2)));
        assertThat(families().find(ended.id()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.ADMIN, T0.plusSeconds(1)));

        families().deleteAllOf(account.id());
        assertThat(families().find(disabled.id())).isEmpty();
        assertThat(families().find(ended.id())).isEmpty();
        assertThat(families().find(others.id())).contains(others);
    }

    @Test
    void purge_deletes_only_families_that_ended_before_the_cutoff_in_bounded_batches() {
        UserAccount account = aStoredAccount();
        Instant longAgo = T0.minus(Duration.ofDays(400));
        var expired = List.of(StoreFixtures.aFamilyOf(account, longAgo), StoreFixtures.aFamilyOf(account, longAgo),
                StoreFixtures.aFamilyOf(account, longAgo));
        expired.forEach(families()::add);
        var revokedLongAgo = StoreFixtures.aFamilyOf(account, T0);
        families().add(revokedLongAgo);
        families().revoke(revokedLongAgo.id(), RevocationReason.SIGNED_OUT, T0);
        var live = StoreFixtures.aFamilyOf(account, T0);
        families().add(live);
        Instant cutoff = T0.plusSeconds(1);

        int batch;
        do {
            batch = families().purgeEndedBefore(cutoff, 2);
            assertThat(batch).isLessThanOrEqualTo(2);
        } while (batch == 2);

        expired.forEach(family -> assertThat(families().find(family.id())).isEmpty());
        assertThat(families().find(revokedLongAgo.id())).isEmpty();
        assertThat(families().find(live.id())).isPresent();
    }

    @Test
    void revoke_tells_whether_this_call_ended_the_family_and_leaves_an_expired_one_expired() {
        RefreshTokenFamily family = aStoredFamily();
        assertThat(families().revoke(family.id(), RevocationReason.REUSE_DETECTED, T0.plusSeconds(1))).isTrue();
        assertThat(families().revoke(family.id(), RevocationReason.REUSE_DETECTED, T0.plusSeconds(2))).isFalse();

        RefreshTokenFamily expired = aStoredFamily();
        assertThat(families().revoke(expired.id(), RevocationReason.SIGNED_OUT, expired.idleExpiresAt())).isFalse();
        assertThat(families().find(expired.id()).orElseThrow().state()).isEqualTo(FamilyState.ACTIVE);
    }

    @Test
    void revoke_all_except_one_keeps_that_one() {
        UserAccount account = aStoredAccount();
        var kept = StoreFixtures.aFamilyOf(account, T0);
        var other = StoreFixtures.aFamilyOf(account, T0);
        List.of(kept, other).forEach(families()::add);

        assertThat(families().revokeAllOfExcept(account.id(), kept.id(), RevocationReason.PASSWORD_CHANGED, T0.plusSeconds(1))).isEqualTo(1);
        assertThat(families().find(kept.id()).orElseThrow().state()).isEqualTo(FamilyState.ACTIVE);
        assertThat(families().find(other.id()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.PASSWORD_CHANGED, T0.plusSeconds(1)));
    }

    @Test
    void ended_families_are_listed_by_when_they_ended_within_the_window() {
        UserAccount account = aStoredAccount();
        var expired = StoreFixtures.aFamilyOf(account, T0);
        var revokedEarly = StoreFixtures.aFamilyOf(account, T0.plus(Duration.ofDays(1)));
        var revokedLate = StoreFixtures.aFamilyOf(account, T0.plus(Duration.ofDays(2)));
        var live = StoreFixtures.aFamilyOf(account, T0.plus(Duration.ofDays(3)));
        var tooOld = StoreFixtures.aFamilyOf(account, T0.minus(Duration.ofDays(60)));
        List.of(expired, revokedEarly, revokedLate, live, tooOld).forEach(families()::add);
        families().revoke(revokedEarly.id(), RevocationReason.ADMIN, T0.plus(Duration.ofDays(2)));
        families().revoke(revokedLate.id(), RevocationReason.PASSWORD_RESET, T0.plus(Duration.ofDays(8)));
        Instant now = T0.plus(Duration.ofDays(9));

        var ended = families().endedOf(account.id(), now.minus(Duration.ofDays(30)), now);
        assertThat(ended).extracting(RefreshTokenFamily::id).containsExactly(revokedLate.id(), expired.id(), revokedEarly.id());
        assertThat(ended.get(1).endAt(now).orElseThrow().reason()).isEqualTo(RevocationReason.EXPIRED_IDLE);
    }

    @Test
    void all_families_of_a_user_can_be_deleted() {
        RefreshTokenFamily family = aStoredFamily();
        families().deleteAllOf(family.userId());
        assertThat(families().find(family.id())).isEmpty();
    }

    /** {@code advance} agrees with the domain on {@code stored}: advanced iff admitted, else untouched; the family as stored after. */
    private RefreshTokenFamily advancesExactlyWhenAdmitted(RefreshTokenFamily stored, Rotation rotation) {
        AdvanceResult result = families().advance(rotation);
        RefreshTokenFamily expected = rotation.admittedBy(stored) ? rotation.applyTo(stored) : stored;
        assertThat(result).isEqualTo(rotation.admittedBy(stored) ? new AdvanceResult.Advanced(expected) : new AdvanceResult.NotAdvanced());
        assertThat(families().find(stored.id())).contains(expected);
        return expected;
    }

    private UserAccount aStoredAccount() {
        UserAccount account = StoreFixtures.anAccount();
        accounts().add(account);
        return account;
    }

    private RefreshTokenFamily aStoredFamily() {
        RefreshTokenFamily family = StoreFixtures.aFamilyOf(aStoredAccount(), T0);
        families().add(family);
        return family;
    }
}
