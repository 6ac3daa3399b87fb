package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ServiceToken;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.RefreshToken;
import dev.gatehouse.domain.token.RefreshTokenFamily;
import java.time.Duration;
import java.time.Instant;

/**
 * Hands out the tokens of a family as it is now (a fresh access token and the family's current refresh
 * token), and the access tokens of service clients.
 */
public final class TokenMinter {

    private final AccessTokens accessTokens;
    private final RefreshTokenCodec refreshTokens;
    private final IdGenerator ids;
    private final TokenSettings settings;

    public TokenMinter(AccessTokens accessTokens, RefreshTokenCodec refreshTokens, IdGenerator ids, TokenSettings settings) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.ids = ids;
        this.settings = settings;
    }

    public IssuedTokens mint(RefreshTokenFamily family, Instant now) {
        var claims = AccessTokenClaims.forSession(settings.issuer(), settings.audience(), family, now,
                settings.policy(), ids.next().toString());
        return new IssuedTokens(
                accessTokens.issue(claims),
                settings.policy().accessTtl(),
                refreshTokens.encode(RefreshToken.currentOf(family)),
                Duration.between(now, family.expiresAt()),
                family.id(),
                family.userId());
    }

    /** A fresh access token of service client {@code client} with the {@code granted} scopes; nothing to refresh. */
    public ServiceToken mint(ClientId client, Scopes granted, Instant now) {
        var claims = ServiceTokenClaims.forClient(settings.issuer(), settings.audience(), client, granted, now,
                settings.policy(), ids.next().toString());
        return new ServiceToken(accessTokens.issue(claims), settings.policy().accessTtl(), granted);
    }
}
