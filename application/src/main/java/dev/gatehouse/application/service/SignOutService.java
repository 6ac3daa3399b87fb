package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.in.SignOutUseCase;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RevocationReason;
import dev.gatehouse.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;

/** Revokes sessions on the user's request; takes effect at once for refresh and for protected endpoints. */
public final class SignOutService implements SignOutUseCase {

    private final RefreshTokenCodec codec;
    private final RefreshTokenFamilies families;
    private final SecurityEvents events;
    private final Clock clock;

    public SignOutService(RefreshTokenCodec codec, RefreshTokenFamilies families, SecurityEvents events, Clock clock) {
        this.codec = codec;
        this.families = families;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public SignOutResult signOut(String refreshToken, Predicate<ClientId> endsHere, String clientAddress) {
        RefreshTokenCheck check = codec.check(refreshToken);
        if (check instanceof RefreshTokenCheck.NotAuthentic) {
            return new SignOutResult.NotAuthentic();
        }
        if (!(check instanceof RefreshTokenCheck.Authentic authentic)) {
            throw new IllegalStateException("unknown token check " + check);
        }
        var family = families.find(authentic.token().familyId());
        if (family.isPresent() && !endsHere.test(family.get().clientId())) {
            return new SignOutResult.OtherEndpoint(family.get().clientId());
        }
        family.ifPresent(session -> revoke(session.id(), session.userId(), session.clientId(), clientAddress));
        return new SignOutResult.SignedOut();
    }

    @Override
    public void signOut(Caller caller) {
        revoke(caller.session(), caller.user(), caller.client(), caller.clientAddress());
    }

    @Override
    public void signOutEverywhere(Caller caller) {
        Instant now = clock.instant();
        int revoked = families.revokeAllOf(caller.user(), RevocationReason.SIGNED_OUT_EVERYWHERE, now);
        events.record(new SecurityEvent(SecurityEventType.SESSION_REVOKED, now, caller.user(), caller.session(), caller.client(),
                "signed_out_everywhere:" + revoked, caller.clientAddress(), null));
    }

    /** Ends the session; an event only when this call ended it (a session ended before stays as it ended). */
    private void revoke(FamilyId session, UserId user, ClientId client, String clientAddress) {
        Instant now = clock.instant();
        if (families.revoke(session, RevocationReason.SIGNED_OUT, now)) {
            events.record(new SecurityEvent(SecurityEventType.SESSION_REVOKED, now, user, session, client,
                    RevocationReason.SIGNED_OUT.name().toLowerCase(Locale.ROOT), clientAddress, null));
        }
    }
}
