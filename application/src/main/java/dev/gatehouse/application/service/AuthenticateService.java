package dev.gatehouse.application.service;

import dev.gatehouse.application.port.in.AuthenticateUseCase;
import dev.gatehouse.application.port.in.Caller;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import java.time.Clock;
import java.time.Instant;

/**
 * A verified access token counts only while its session ({@code sid}) is live and the user's. A service
 * client's token has neither user nor session and never counts here.
 */
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
            return new Authentication.Unauthenticated("a service client's token: no user, no session");
        }
        var claims = valid.claims();
        Instant now = clock.instant();
        if (families.find(claims.sessionId()).filter(family -> family.isLiveSessionOf(claims.subject(), now)).isEmpty()) {
            return new Authentication.Unauthenticated("session ended");
        }
        return new Authentication.Authenticated(new Caller(claims.subject(), claims.sessionId(), claims.clientId()));
    }
}
