package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import java.time.Clock;
import java.time.Instant;

/** A verified access token counts only while its session ({@code sid}) is live and the user's. */
public final class AuthenticateService implements AuthenticateUseCase {

    private final AccessTokens accessTokens;
    private final RefreshTokenFamilies families;
    private final Clock clock;

    public AuthenticateService(AccessTokens accessTokens, RefreshTokenFamilies families, Clock clock) {
        this.accessTokens = accessTokens;
        this.families = families;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(String accessToken) {
        AccessTokenCheck check = accessTokens.verify(accessToken);
        if (check instanceof AccessTokenCheck.Invalid invalid) {
            return new Authentication.Unauthenticated(invalid.reason());
        }
        if (!(check instanceof AccessTokenCheck.Valid valid)) {
            throw new IllegalStateException("unknown token check " + check);
        }
        var claims = valid.claims();
        Instant now = clock.instant();
        boolean live = families.find(claims.sessionId())
                .filter(family -> family.userId().equals(claims.subject()) && family.isActiveAt(now))
                .isPresent();
        if (!live) {
            return new Authentication.Unauthenticated("session ended");
        }
        return new Authentication.Authenticated(new Caller(claims.subject(), claims.sessionId(), claims.clientId()));
    }
}
