package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AccountDeletedException;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.FamilyState;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Families in a map (the records are immutable, so the map holds copies); {@link #advance} is a synchronized
 * compare-and-set on the domain's own predicate, {@link Rotation#admittedBy}. A family needs its account, as
 * the store's foreign key does.
 */
public final class InMemoryRefreshTokenFamilies implements RefreshTokenFamilies {

    private final InMemoryUserAccounts accounts;
    private final Map<FamilyId, RefreshTokenFamily> families = new LinkedHashMap<>();
    private int advances;
    private int finds;
    /** Runs inside every advance, before the compare-and-set: lets a test stall the store. */
    public Runnable whileAdvancing = () -> { };

    public InMemoryRefreshTokenFamilies(InMemoryUserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public synchronized void add(RefreshTokenFamily family) {
        if (accounts.findById(family.userId()).isEmpty()) {
            throw new AccountDeletedException();
        }
        families.put(family.id(), family);
    }

    @Override
    public synchronized Optional<RefreshTokenFamily> find(FamilyId id) {
        finds++;
        return Optional.ofNullable(families.get(id));
    }

    @Override
    public synchronized AdvanceResult advance(Rotation rotation) {
        advances++;
        whileAdvancing.run();
        RefreshTokenFamily family = families.get(rotation.presented().familyId());
        if (family == null || !rotation.admittedBy(family)) {
            return new AdvanceResult.NotAdvanced();
        }
        RefreshTokenFamily advanced = rotation.applyTo(family);
        families.put(family.id(), advanced);
        return new AdvanceResult.Advanced(advanced);
    }

    @Override
    public synchronized void restampRotation(FamilyId id, long generation, Instant storedAt) {
        RefreshTokenFamily family = families.get(id);
        if (family != null && family.generation() == generation && family.state() == FamilyState.ACTIVE) {
            families.put(id, family.rotationStoredAt(storedAt));
        }
    }

    @Override
    public synchronized boolean revoke(FamilyId id, RevocationReason reason, Instant now) {
        RefreshTokenFamily family = families.get(id);
        if (family == null || !family.isActiveAt(now)) {
            return false;
        }
        families.put(id, family.revokedAt(now, reason));
        return true;
    }

    @Override
    public synchronized int revokeAllOf(UserId user, RevocationReason reason, Instant now) {
        return revokeWhere(family -> family.userId().equals(user), reason, now);
    }

    @Override
    public synchronized int revokeAllOfExcept(UserId user, FamilyId kept, RevocationReason reason, Instant now) {
        return revokeWhere(family -> family.userId().equals(user) && !family.id().equals(kept), reason, now);
    }

    private int revokeWhere(Predicate<RefreshTokenFamily> chosen, RevocationReason reason, Instant now) {
        int revoked = 0;
        for (var family : List.copyOf(families.values())) {
            if (chosen.test(family) && revoke(family.id(), reason, now)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized List<RefreshTokenFamily> activeOf(UserId user, Instant now) {
        return families.values().stream().filter(f -> f.userId().equals(user) && f.isActiveAt(now))
                .sorted(Comparator.comparing(RefreshTokenFamily::createdAt).reversed()).toList();
    }

    @Override
    public synchronized List<RefreshTokenFamily> endedOf(UserId user, Instant since, Instant now) {
        return families.values().stream()
                .filter(f -> f.userId().equals(user) && f.endAt(now).filter(end -> end.at().isAfter(since)).isPresent())
                .sorted(Comparator.comparing((RefreshTokenFamily f) -> f.endAt(now).orElseThrow().at()).reversed())
                .toList();
    }

    @Override
    public synchronized void deleteAllOf(UserId user) {
        families.values().removeIf(family -> family.userId().equals(user));
    }

    @Override
    public synchronized int purgeEndedBefore(Instant endedBefore, int limit) {
        var ended = families.values().stream().filter(f -> f.expiresAt().isBefore(endedBefore)
                || (f.state() instanceof FamilyState.Revoked r && r.at().isBefore(endedBefore))).limit(limit).toList();
        ended.forEach(f -> families.remove(f.id()));
        return ended.size();
    }

    /** How often a compare-and-set was tried: the store traffic of refreshes. */
    public synchronized int advances() {
        return advances;
    }

    /** How often a family was read by id. */
    public synchronized int finds() {
        return finds;
    }

}
