package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.RevokeTokenUseCase;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.RefreshTokenCodec.RefreshTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.token.RevocationReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7009 revocation. Either kind of token ends its whole session: a refresh token's family is the
 * session, and an access token names it in {@code sid}. The type hint is not needed: both kinds are
 * tried, the cheap HMAC check first (§2.1 lets the server extend its search beyond the hint). A service
 * client's access token belongs to no session, so there is nothing to end: it expires with its
 * {@code exp}, and the request is answered like one for an unknown token (§2.2). Only the call that ends a
 * live session records its {@code session_revoked} event, so repeating a revocation writes nothing.
 */
public final class RevokeTokenService implements RevokeTokenUseCase {

    private final RefreshTokenCodec refreshTokens;
    private final AccessTokens accessTokens;
    private final RefreshTokenFamilies families;
    private final SecurityEvents events;
    private final Clock clock;

    public RevokeTokenService(RefreshTokenCodec refreshTokens, AccessTokens accessTokens, RefreshTokenFamilies families,
            SecurityEvents events, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.families = families;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void revoke(String token, ClientId client, String clientAddress) {
        sessionOf(token).flatMap(families::find)
                .filter(family -> family.clientId().equals(client))
                .ifPresent(family -> {
                    Instant now = clock.instant();
                    if (families.revoke(family.id(), RevocationReason.TOKEN_REVOKED, now)) {
                        events.record(new SecurityEvent(SecurityEventType.SESSION_REVOKED, now, family.userId(), family.id(),
                                client, "token_revoked", clientAddress, null));
                    }
                });
    }

    private Optional<FamilyId> sessionOf(String token) {
        RefreshTokenCheck asRefreshToken = refreshTokens.check(token);
        if (asRefreshToken instanceof RefreshTokenCheck.Authentic authentic) {
            return Optional.of(authentic.token().familyId());
        }
        if (!(asRefreshToken instanceof RefreshTokenCheck.NotAuthentic)) {
            throw new IllegalStateException("unknown token check " + asRefreshToken);
        }
        AccessTokenCheck asAccessToken = accessTokens.verify(token);
        if (asAccessToken instanceof AccessTokenCheck.Valid valid) {
            return Optional.of(valid.claims().sessionId());
        }
        if (asAccessToken instanceof AccessTokenCheck.Invalid || asAccessToken instanceof AccessTokenCheck.ValidService) {
            return Optional.empty();
        }
        throw new IllegalStateException("unknown token check " + asAccessToken);
    }
}
