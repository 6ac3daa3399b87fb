package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.user.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session store, counting every session that a revocation ends as
 * {@code gatehouse_sessions_ended_total{reason}} ({@link RevocationReason} in lower case, e.g.
 * {@code signed_out}, {@code reuse_detected}). Revoking a session that had ended already counts nothing;
 * sessions that simply expire are not counted here (a refresh of one counts as {@code expired}).
 */
final class MeteredSessionStore implements RefreshTokenFamilies {

    private final RefreshTokenFamilies families;
    private final Outcomes ended;

    /** @param registry resolved on the first revocation, not while the store is being created */
    MeteredSessionStore(RefreshTokenFamilies families, Supplier<MeterRegistry> registry) {
        this.families = families;
        this.ended = counter(registry);
    }

    @Override
    public boolean revoke(FamilyId id, RevocationReason reason, Instant now) {
        boolean revoked = families.revoke(id, reason, now);
        if (revoked) {
            ended(1, reason);
        }
        return revoked;
    }

    @Override
    public int revokeAllOf(UserId user, RevocationReason reason, Instant now) {
        int revoked = families.revokeAllOf(user, reason, now);
        ended(revoked, reason);
        return revoked;
    }

    @Override
    public int revokeAllOfExcept(UserId user, FamilyId kept, RevocationReason reason, Instant now) {
        int revoked = families.revokeAllOfExcept(user, kept, reason, now);
        ended(revoked, reason);
        return revoked;
    }

    private void ended(int sessions, RevocationReason reason) {
        ended.count(sessions, "reason", label(reason));
    }

    static Outcomes counter(Supplier<MeterRegistry> registry) {
        return new Outcomes(registry, "gatehouse.sessions_ended", "Sessions ended by a revocation, by reason");
    }

    static String label(RevocationReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void add(RefreshTokenFamily family) {
        families.add(family);
    }

    @Override
    public Optional<RefreshTokenFamily> find(FamilyId id) {
        return families.find(id);
    }

    @Override
    public AdvanceResult advance(Rotation rotation) {
        return families.advance(rotation);
    }

    @Override
    public void restampRotation(FamilyId id, long generation, Instant storedAt) {
        families.restampRotation(id, generation, storedAt);
    }

    @Override
    public List<RefreshTokenFamily> activeOf(UserId user, Instant now) {
        return families.activeOf(user, now);
    }

    @Override
    public List<RefreshTokenFamily> endedOf(UserId user, Instant since, Instant now) {
        return families.endedOf(user, since, now);
    }

    @Override
    public void deleteAllOf(UserId user) {
        families.deleteAllOf(user);
    }

    @Override
    public int purgeEndedBefore(Instant endedBefore, int limit) {
        return families.purgeEndedBefore(endedBefore, limit);
    }
}
