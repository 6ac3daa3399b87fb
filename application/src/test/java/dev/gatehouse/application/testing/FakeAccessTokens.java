package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.domain.token.AccessTokenClaims;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque {@code at.<n>} strings remembered with their claims; expiry checked against the test clock. */
public final class FakeAccessTokens implements AccessTokens {

    private final Map<String, AccessTokenClaims> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        String token = "at." + issued.size();
        issued.put(token, claims);
        return token;
    }

    @Override
    public AccessTokenCheck verify(String token) {
        AccessTokenClaims claims = issued.get(token);
        if (claims == null) {
            return new AccessTokenCheck.Invalid("unknown");
        }
        return clock.instant().isBefore(claims.expiresAt()) ? new AccessTokenCheck.Valid(claims) : new AccessTokenCheck.Invalid("expired");
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return Map.of("keys", java.util.List.of());
    }

    public AccessTokenClaims claimsOf(String token) {
        return issued.get(token);
    }
}
