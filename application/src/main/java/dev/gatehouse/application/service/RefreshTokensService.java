package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.RefreshTokenFamilies.AdvanceResult;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.port.out.mail.Notification;
import dev.gatehouse.application.port.out.mail.Notifications;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.Rotation;
import dev.gatehouse.domain.token.RotationOutcome;
import dev.gatehouse.domain.token.TokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refresh with rotation and reuse detection (RFC 9700 §4.14.2). The common case is one compare-and-set
 * in the store; only when it misses is the family read, and the domain ({@link Rotation}) says what the
 * token means (a racing tab within the grace, a replayed spent token, an ended session). The owner of a
 * family revoked for reuse is told once, by the call that revoked it.
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    /** A rotation stored later than this after its request is restamped ({@link #restampIfStoredLate}). */
    static final Duration STORED_LATE = Duration.ofSeconds(1);

    private final RefreshTokenCodec codec;
    private final RefreshTokenFamilies families;
    private final SecurityEvents events;
    private final TokenMinter minter;
    private final TokenPolicy policy;
    private final UserAccounts accounts;
    private final Notifications notifications;
    private final Clock clock;

    public RefreshTokensService(RefreshTokenCodec codec, RefreshTokenFamilies families, SecurityEvents events,
            TokenMinter minter, TokenPolicy policy, UserAccounts accounts, Notifications notifications, Clock clock) {
        this.codec = codec;
        this.families = families;
        this.events = events;
        this.minter = minter;
        this.policy = policy;
        this.accounts = accounts;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public RefreshResult refresh(RefreshCommand command) {
        RefreshTokenCheck check = codec.check(command.refreshToken());
        if (check instanceof RefreshTokenCheck.NotAuthentic) {
            return new RefreshResult.InvalidGrant(Reason.NOT_AUTHENTIC);
        }
        if (!(check instanceof RefreshTokenCheck.Authentic authentic)) {
            throw new IllegalStateException("unknown token check " + check);
        }
        Instant now = clock.instant();
        return answer(outcomeOf(new Rotation(authentic.token(), command.client(), now, policy)), command.clientAddress(), now);
    }

    private RotationOutcome outcomeOf(Rotation rotation) {
        AdvanceResult result = families.advance(rotation);
        if (result instanceof AdvanceResult.Advanced advanced) {
            restampIfStoredLate(rotation, advanced.family());
            return rotation.succeeded(advanced.family());
        }
        if (result instanceof AdvanceResult.NotAdvanced) {
            return rotation.refusedBy(families.find(rotation.presented().familyId()));
        }
        throw new IllegalStateException("unknown advance result " + result);
    }

    /**
     * A rotation the store applied more than {@link #STORED_LATE} after its request (a stalled database, for up
     * to its lock timeout, or for as long as it was frozen) gets the time it was stored, so that the reuse
     * grace counts from when its successor existed: a client that gave up waiting and retries with the only
     * token it has is a grace replay, not a thief. One more statement, on this slow path only; a replay read
     * between the two statements still sees the request's time.
     */
    private void restampIfStoredLate(Rotation rotation, RefreshTokenFamily successor) {
        Instant stored = clock.instant();
        if (Duration.between(rotation.at(), stored).compareTo(STORED_LATE) > 0) {
            families.restampRotation(successor.id(), successor.generation(), stored);
        }
    }

    /** The one mapping of an outcome to the OAuth answer: tokens (RFC 6749 §5.1) or {@code invalid_grant} (§5.2). */
    private RefreshResult answer(RotationOutcome outcome, String clientAddress, Instant now) {
        if (outcome instanceof RotationOutcome.Rotated rotated) {
            return new RefreshResult.Refreshed(minter.mint(rotated.family(), now), false);
        }
        if (outcome instanceof RotationOutcome.GraceReplay replay) {
            return new RefreshResult.Refreshed(minter.mint(replay.family(), now), true);
        }
        if (outcome instanceof RotationOutcome.ReuseDetected reuse) {
            revokeStolen(reuse.revoked(), clientAddress, now);
            return new RefreshResult.InvalidGrant(Reason.REUSED);
        }
        if (outcome instanceof RotationOutcome.Expired) {
            return new RefreshResult.InvalidGrant(Reason.EXPIRED);
        }
        if (outcome instanceof RotationOutcome.Revoked) {
            return new RefreshResult.InvalidGrant(Reason.REVOKED);
        }
        if (outcome instanceof RotationOutcome.ClientMismatch) {
            return new RefreshResult.InvalidGrant(Reason.OTHER_CLIENT);
        }
        if (outcome instanceof RotationOutcome.UnknownSession) {
            return new RefreshResult.InvalidGrant(Reason.UNKNOWN_SESSION);
        }
        throw new IllegalStateException("unknown rotation outcome " + outcome);
    }

    private void revokeStolen(RefreshTokenFamily family, String clientAddress, Instant now) {
        if (families.revoke(family.id(), RevocationReason.REUSE_DETECTED, now)) {
            events.record(new SecurityEvent(SecurityEventType.REFRESH_TOKEN_REUSE, now, family.userId(), family.id(),
                    family.clientId(), "spent_token_replayed", clientAddress, null));
            accounts.findById(family.userId()).ifPresent(owner -> notifications.send(new Notification.SessionStolen(
                    owner.email(), family.clientId(), family.createdAt(), now)));
        }
    }
}
