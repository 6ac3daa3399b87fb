package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.RefreshTokensUseCase;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.RefreshToken;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.token.RotationOutcome;
import java.time.Clock;
import java.time.Instant;

/**
 * Refresh with rotation and reuse detection (RFC 9700 §4.14.2). The common case is one compare-and-set
 * in the store; only when it misses is the family loaded and the domain asked what the token means
 * (a racing tab within the grace, a replayed spent token, an ended session).
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    private final RefreshTokenCodec codec;
    private final RefreshTokenFamilies families;
    private final SecurityEvents events;
    private final TokenMinter minter;
    private final Clock clock;

    public RefreshTokensService(RefreshTokenCodec codec, RefreshTokenFamilies families, SecurityEvents events,
            TokenMinter minter, Clock clock) {
        this.codec = codec;
        this.families = families;
        this.events = events;
        this.minter = minter;
        this.clock = clock;
    }

    @Override
    public RefreshResult refresh(RefreshCommand command) {
        if (!(codec.check(command.refreshToken()) instanceof RefreshTokenCheck.Authentic authentic)) {
            return new RefreshResult.InvalidGrant(Reason.NOT_AUTHENTIC);
        }
        Instant now = Instants.now(clock);
        RefreshToken presented = authentic.token();
        var policy = minter.settings().policy();
        var rotated = families.advance(presented, command.client(), now, policy.idleExpiryFrom(now));
        if (rotated.isPresent()) {
            return new RefreshResult.Refreshed(minter.mint(rotated.get(), now));
        }
        return families.find(presented.familyId())
                .map(family -> decide(family, presented, command.client(), now))
                .orElseGet(() -> new RefreshResult.InvalidGrant(Reason.UNKNOWN_SESSION));
    }

    private RefreshResult decide(RefreshTokenFamily family, RefreshToken presented, ClientId client, Instant now) {
        RotationOutcome outcome = family.rotate(presented, client, now, minter.settings().policy());
        if (outcome instanceof RotationOutcome.GraceReplay replay) {
            return new RefreshResult.Refreshed(minter.mint(replay.family(), now));
        }
        if (outcome instanceof RotationOutcome.ReuseDetected reuse) {
            return revokeStolen(reuse.revoked(), now);
        }
        if (outcome instanceof RotationOutcome.Rotated) {
            throw new IllegalStateException("the store refused a rotation the domain allows: family " + family.id());
        }
        return new RefreshResult.InvalidGrant(outcome instanceof RotationOutcome.Expired ? Reason.EXPIRED
                : outcome instanceof RotationOutcome.Revoked ? Reason.REVOKED : Reason.OTHER_CLIENT);
    }

    private RefreshResult revokeStolen(RefreshTokenFamily family, Instant now) {
        families.revoke(family.id(), RevocationReason.REUSE_DETECTED, now);
        events.record(new SecurityEvent(SecurityEventType.REFRESH_TOKEN_REUSE, now, family.userId(), family.id(),
                family.clientId(), "spent_token_replayed"));
        return new RefreshResult.InvalidGrant(Reason.REUSED);
    }
}
