package dev.gatehouse.application.service;

import static dev.gatehouse.application.testing.ServiceFixture.API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.Reason;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshCommand;
import dev.gatehouse.application.port.in.RefreshTokensUseCase.RefreshResult;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.RefreshTokenFamilies.AdvanceResult;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefreshTokensServiceTest {

    private static final String REFRESHING_ADDRESS = "198.51.100.7";
    private final ServiceFixture gatehouse = new ServiceFixture();
    private final IssuedTokens signedIn = gatehouse.registered("ada@example.com");

    @Test
    void a_refresh_rotates_the_token_and_keeps_the_session() {
        IssuedTokens next = refreshed(signedIn.refreshToken());
        assertThat(next.refreshToken()).isNotEqualTo(signedIn.refreshToken());
        assertThat(next.sessionId()).isEqualTo(signedIn.sessionId());
        assertThat(gatehouse.families.find(signedIn.sessionId()).orElseThrow().generation()).isEqualTo(1);
        assertThat(gatehouse.accessTokens.claimsOf(next.accessToken()).sessionId()).isEqualTo(signedIn.sessionId());
    }

    @Test
    void replaying_a_spent_token_within_the_grace_returns_the_identical_successor() {
        RefreshResult first = refresh(signedIn.refreshToken(), API);
        gatehouse.clock.advance(Duration.ofSeconds(9));
        RefreshResult replay = refresh(signedIn.refreshToken(), API);
        assertThat(first).isInstanceOfSatisfying(RefreshResult.Refreshed.class, r -> assertThat(r.graceReplay()).isFalse());
        assertThat(replay).isInstanceOfSatisfying(RefreshResult.Refreshed.class, r -> assertThat(r.graceReplay()).isTrue());
        assertThat(((RefreshResult.Refreshed) replay).tokens().refreshToken())
                .isEqualTo(((RefreshResult.Refreshed) first).tokens().refreshToken());
        assertThat(gatehouse.families.find(signedIn.sessionId()).orElseThrow().generation()).as("no second rotation").isEqualTo(1);
    }

    @Test
    void a_rotation_stored_late_counts_its_grace_from_when_it_was_stored_so_the_clients_retry_is_no_theft() {
        gatehouse.families.whileAdvancing = () -> {
            gatehouse.families.whileAdvancing = () -> { };
            gatehouse.clock.advance(Duration.ofSeconds(25)); // the database stalled; the client gave up meanwhile
        };
        RefreshResult late = refresh(signedIn.refreshToken(), API);
        gatehouse.clock.advance(Duration.ofSeconds(5));

        RefreshResult retry = refresh(signedIn.refreshToken(), API);

        assertThat(retry).isInstanceOfSatisfying(RefreshResult.Refreshed.class, r -> assertThat(r.graceReplay()).isTrue());
        assertThat(((RefreshResult.Refreshed) retry).tokens().refreshToken()).isEqualTo(((RefreshResult.Refreshed) late).tokens().refreshToken());
        assertThat(gatehouse.events.ofType(SecurityEventType.REFRESH_TOKEN_REUSE)).isEmpty();
    }

    @Test
    void replaying_a_spent_token_after_the_grace_revokes_the_family_and_records_the_reuse() {
        IssuedTokens current = refreshed(signedIn.refreshToken());
        gatehouse.clock.advance(Duration.ofSeconds(10));
        assertThat(refresh(signedIn.refreshToken(), API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.REUSED));
        assertThat(gatehouse.families.find(signedIn.sessionId()).orElseThrow().state())
                .isInstanceOfSatisfying(FamilyState.Revoked.class, r -> assertThat(r.reason()).isEqualTo(RevocationReason.REUSE_DETECTED));
        assertThat(gatehouse.events.ofType(SecurityEventType.REFRESH_TOKEN_REUSE)).singleElement()
                .satisfies(event -> assertThat(event.session()).isEqualTo(signedIn.sessionId()))
                .satisfies(event -> assertThat(event.clientAddress()).as("where the replay came from").isEqualTo(REFRESHING_ADDRESS));
        assertThat(refresh(current.refreshToken(), API)).as("the successor dies too")
                .isEqualTo(new RefreshResult.InvalidGrant(Reason.REVOKED));
    }

    @Test
    void the_owner_of_a_stolen_session_is_told_once_even_when_racing_replays_both_detect_the_reuse() {
        refreshed(signedIn.refreshToken());
        gatehouse.clock.advance(Duration.ofSeconds(10));
        RefreshTokenFamily beforeRevocation = gatehouse.families.find(signedIn.sessionId()).orElseThrow();
        var racer = new RefreshTokensService(gatehouse.codec, new ReadingStale(gatehouse.families, beforeRevocation), gatehouse.events,
                gatehouse.minter, gatehouse.policy, gatehouse.accounts, gatehouse.notifications, gatehouse.clock);

        refresh(signedIn.refreshToken(), API);
        assertThat(racer.refresh(new RefreshCommand(signedIn.refreshToken(), API, "10.0.0.1")))
                .as("the racer saw the family still active, and found it revoked when it tried")
                .isEqualTo(new RefreshResult.InvalidGrant(Reason.REUSED));

        assertThat(gatehouse.notifications.of(Notification.SessionStolen.class)).singleElement().satisfies(notice -> {
            assertThat(notice.to().value()).isEqualTo("ada@example.com");
            assertThat(notice.client()).isEqualTo(API);
            assertThat(notice.endedAt()).isEqualTo(gatehouse.clock.instant());
        });
        assertThat(gatehouse.events.ofType(SecurityEventType.REFRESH_TOKEN_REUSE)).hasSize(1);
    }

    /** The store as a request sees it that loaded the family before a concurrent one revoked it. */
    private static final class ReadingStale implements RefreshTokenFamilies {
        private final RefreshTokenFamilies store;
        private final RefreshTokenFamily stale;

        ReadingStale(RefreshTokenFamilies store, RefreshTokenFamily stale) {
            this.store = store;
            this.stale = stale;
        }

        @Override
        public Optional<RefreshTokenFamily> find(FamilyId id) {
            return id.equals(stale.id()) ? Optional.of(stale) : store.find(id);
        }

        @Override
        public void add(RefreshTokenFamily family) {
            store.add(family);
        }

        @Override
        public AdvanceResult advance(Rotation rotation) {
            return store.advance(rotation);
        }

        @Override
        public void restampRotation(FamilyId id, long generation, Instant storedAt) {
            store.restampRotation(id, generation, storedAt);
        }

        @Override
        public boolean revoke(FamilyId id, RevocationReason reason, Instant now) {
            return store.revoke(id, reason, now);
        }

        @Override
        public int revokeAllOf(UserId user, RevocationReason reason, Instant now) {
            return store.revokeAllOf(user, reason, now);
        }

        @Override
        public int revokeAllOfExcept(UserId user, FamilyId kept, RevocationReason reason, Instant now) {
            return store.revokeAllOfExcept(user, kept, reason, now);
        }

        @Override
        public List<RefreshTokenFamily> activeOf(UserId user, Instant now) {
            return store.activeOf(user, now);
        }

        @Override
        public List<RefreshTokenFamily> endedOf(UserId user, Instant since, Instant now) {
            return store.endedOf(user, since, now);
        }

        @Override
        public void deleteAllOf(UserId user) {
            store.deleteAllOf(user);
        }

        @Override
        public int purgeEndedBefore(Instant endedBefore, int limit) {
            return store.purgeEndedBefore(endedBefore, limit);
        }
    }

    @Test
    void an_idle_session_expires() {
        gatehouse.clock.advance(Duration.ofDays(7));
        assertThat(refresh(signedIn.refreshToken(), API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.EXPIRED));
    }

    @Test
    void an_active_session_still_ends_at_its_absolute_expiry() {
        String token = signedIn.refreshToken();
        for (int refresh = 0; refresh < 4; refresh++) {
            gatehouse.clock.advance(Duration.ofDays(6));
            token = refreshed(token).refreshToken();
        }
        gatehouse.clock.advance(Duration.ofDays(5));
        token = refreshed(token).refreshToken();
        gatehouse.clock.advance(Duration.ofDays(1));
        assertThat(refresh(token, API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.EXPIRED));
    }

    @Test
    void a_signed_out_session_refuses_its_current_token() {
        gatehouse.signOut.signOut(signedIn.refreshToken(), client -> true, "10.0.0.9");
        assertThat(refresh(signedIn.refreshToken(), API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.REVOKED));
    }

    @Test
    void another_clients_token_is_refused_and_left_alone() {
        assertThat(refresh(signedIn.refreshToken(), new ClientId("web"))).isEqualTo(new RefreshResult.InvalidGrant(Reason.OTHER_CLIENT));
        assertThat(refreshed(signedIn.refreshToken()).sessionId()).isEqualTo(signedIn.sessionId());
    }

    @Test
    void a_purged_session_is_unknown() {
        gatehouse.signOut.signOut(signedIn.refreshToken(), client -> true, "10.0.0.9");
        gatehouse.clock.advance(Duration.ofDays(1));
        gatehouse.families.purgeEndedBefore(gatehouse.clock.instant(), 10);
        assertThat(refresh(signedIn.refreshToken(), API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.UNKNOWN_SESSION));
    }

    @Test
    void the_hot_path_is_one_compare_and_set_and_no_read() {
        refreshed(signedIn.refreshToken());
        assertThat(gatehouse.families.advances()).isEqualTo(1);
        assertThat(gatehouse.families.finds()).isZero();
    }

    @Test
    void a_forged_token_never_reaches_the_store() {
        String forged = signedIn.refreshToken().substring(0, signedIn.refreshToken().length() - 1) + "x";
        assertThat(refresh(forged, API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.NOT_AUTHENTIC));
        assertThat(refresh("garbage", API)).isEqualTo(new RefreshResult.InvalidGrant(Reason.NOT_AUTHENTIC));
        assertThat(gatehouse.families.advances()).isZero();
        assertThat(gatehouse.families.find(signedIn.sessionId()).orElseThrow().generation()).isZero();
    }

    private IssuedTokens refreshed(String token) {
        RefreshResult result = refresh(token, API);
        assertThat(result).isInstanceOf(RefreshResult.Refreshed.class);
        return ((RefreshResult.Refreshed) result).tokens();
    }

    private RefreshResult refresh(String token, ClientId client) {
        return gatehouse.refresh.refresh(new RefreshCommand(token, client, REFRESHING_ADDRESS));
    }
}
