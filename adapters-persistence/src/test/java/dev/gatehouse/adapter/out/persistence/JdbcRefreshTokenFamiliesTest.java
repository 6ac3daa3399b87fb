package dev.gatehouse.adapter.out.persistence;

import static dev.gatehouse.adapter.out.persistence.Fixtures.API;
import static dev.gatehouse.adapter.out.persistence.Fixtures.POLICY;
import static dev.gatehouse.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.RefreshToken;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class JdbcRefreshTokenFamiliesTest {

    private final RefreshTokenFamilies families = Database.bean(RefreshTokenFamilies.class);
    private final UserAccounts accounts = Database.bean(UserAccounts.class);

    @Test
    void a_family_is_stored_and_read_back_unchanged() {
        RefreshTokenFamily family = aStoredFamily(T0);
        assertThat(families.find(family.id())).contains(family);
    }

    @Test
    void advance_moves_the_family_one_generation_on_and_slides_the_idle_expiry() {
        RefreshTokenFamily family = aStoredFamily(T0);
        Instant now = T0.plus(Duration.ofHours(1));

        Optional<RefreshTokenFamily> advanced = families.advance(RefreshToken.currentOf(family), API, now, POLICY.idleExpiryFrom(now));

        assertThat(advanced).contains(family.advancedAt(now, POLICY));
        assertThat(families.find(family.id())).isEqualTo(advanced);
    }

    @Test
    void advance_caps_the_idle_expiry_at_the_absolute_one() {
        RefreshTokenFamily family = aStoredFamily(T0);
        RefreshTokenFamily current = family;
        for (int day = 5; day <= 29; day += 6) {
            Instant now = T0.plus(Duration.ofDays(day));
            current = families.advance(RefreshToken.currentOf(current), API, now, POLICY.idleExpiryFrom(now)).orElseThrow();
        }
        assertThat(current.generation()).isEqualTo(5);
        assertThat(current.idleExpiresAt()).isEqualTo(family.absoluteExpiresAt());
    }

    @Test
    void advance_refuses_a_wrong_generation_a_wrong_client_a_revoked_or_an_expired_family() {
        RefreshTokenFamily family = aStoredFamily(T0);
        Instant now = T0.plusSeconds(60);
        assertThat(families.advance(new RefreshToken(family.id(), 1), API, now, POLICY.idleExpiryFrom(now))).isEmpty();
        assertThat(families.advance(RefreshToken.currentOf(family), new ClientId("web"), now, POLICY.idleExpiryFrom(now))).isEmpty();
        Instant afterIdle = family.idleExpiresAt();
        assertThat(families.advance(RefreshToken.currentOf(family), API, afterIdle, POLICY.idleExpiryFrom(afterIdle))).isEmpty();
        families.revoke(family.id(), RevocationReason.SIGNED_OUT, now);
        assertThat(families.advance(RefreshToken.currentOf(family), API, now, POLICY.idleExpiryFrom(now))).isEmpty();
        assertThat(families.find(family.id()).orElseThrow().generation()).isZero();
    }

    @Test
    void of_racing_advances_with_one_token_exactly_one_wins() throws Exception {
        RefreshTokenFamily family = aStoredFamily(T0);
        int racers = 16;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Optional<RefreshTokenFamily>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Instant now = T0.plusMillis(1000 + i);
                Callable<Optional<RefreshTokenFamily>> race = () -> {
                    start.await();
                    return families.advance(RefreshToken.currentOf(family), API, now, POLICY.idleExpiryFrom(now));
                };
                results.add(pool.submit(race));
            }
            start.countDown();
            int winners = 0;
            for (var result : results) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(families.find(family.id()).orElseThrow().generation()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revoke_keeps_the_first_reason() {
        RefreshTokenFamily family = aStoredFamily(T0);
        families.revoke(family.id(), RevocationReason.REUSE_DETECTED, T0.plusSeconds(1));
        families.revoke(family.id(), RevocationReason.SIGNED_OUT, T0.plusSeconds(2));
        assertThat(families.find(family.id()).orElseThrow().state())
                .isEqualTo(new FamilyState.Revoked(RevocationReason.REUSE_DETECTED, T0.plusSeconds(1)));
    }

    @Test
    void active_families_of_a_user_are_listed_newest_first_and_revoke_all_ends_them() {
        UserAccount account = Fixtures.anAccount();
        accounts.add(account);
        var older = Fixtures.aFamilyOf(account, T0);
        var newer = Fixtures.aFamilyOf(account, T0.plusSeconds(10));
        var ended = Fixtures.aFamilyOf(account, T0.plusSeconds(20));
        List.of(older, newer, ended).forEach(families::add);
        families.revoke(ended.id(), RevocationReason.SESSION_DELETED, T0.plusSeconds(30));

        assertThat(families.activeOf(account.id(), T0.plusSeconds(40))).containsExactly(newer, older);
        assertThat(families.activeOf(account.id(), older.idleExpiresAt())).containsExactly(newer);

        assertThat(families.revokeAllOf(account.id(), RevocationReason.SIGNED_OUT_EVERYWHERE, T0.plusSeconds(50))).isEqualTo(2);
        assertThat(families.activeOf(account.id(), T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void purge_deletes_only_families_that_ended_before_the_cutoff_in_bounded_batches() {
        UserAccount account = Fixtures.anAccount();
        accounts.add(account);
        Instant longAgo = T0.minus(Duration.ofDays(400));
        var expired = List.of(Fixtures.aFamilyOf(account, longAgo), Fixtures.aFamilyOf(account, longAgo),
                Fixtures.aFamilyOf(account, longAgo));
        expired.forEach(families::add);
        var revokedLongAgo = Fixtures.aFamilyOf(account, T0);
        families.add(revokedLongAgo);
        families.revoke(revokedLongAgo.id(), RevocationReason.SIGNED_OUT, T0);
        var live = Fixtures.aFamilyOf(account, T0);
        families.add(live);
        Instant cutoff = T0.plusSeconds(1);

        int deleted = 0;
        int batch;
        do {
            batch = families.purgeEndedBefore(cutoff, 2);
            assertThat(batch).isLessThanOrEqualTo(2);
            deleted += batch;
        } while (batch == 2);

        assertThat(deleted).isGreaterThanOrEqualTo(4);
        expired.forEach(family -> assertThat(families.find(family.id())).isEmpty());
        assertThat(families.find(revokedLongAgo.id())).isEmpty();
        assertThat(families.find(live.id())).isPresent();
    }

    private RefreshTokenFamily aStoredFamily(Instant startedAt) {
        UserAccount account = Fixtures.anAccount();
        accounts.add(account);
        RefreshTokenFamily family = Fixtures.aFamilyOf(account, startedAt);
        families.add(family);
        return family;
    }
}
