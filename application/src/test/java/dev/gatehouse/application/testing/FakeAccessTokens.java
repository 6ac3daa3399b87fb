package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.AccessTokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opaque {@code at.<n>} strings remembered with their claims; expiry checked against the test clock. */
public final class FakeAccessTokens implements AccessTokens {

    private final Map<String, AccessTokenCheck> issued = new ConcurrentHashMap<>();
    private final Clock clock;

    public FakeAccessTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String issue(AccessTokenClaims claims) {
        return remember(new AccessTokenCheck.Valid(claims));
    }

    @Override
    public synchronized String issue(ServiceTokenClaims claims) {
        return remember(new AccessTokenCheck.ValidService(claims));
    }

    private String remember(AccessTokenCheck valid) {
        String token = "at." + issued.size();
        issued.put(token, valid);
        return token;
    }

    @Override
    public AccessTokenCheck verify(String token) {
        AccessTokenCheck valid = issued.get(token);
        if (valid == null) {
            return new AccessTokenCheck.Invalid(AccessTokens.Rejection.MALFORMED, "unknown");
        }
        return clock.instant().isBefore(expiryOf(valid)) ? valid : new AccessTokenCheck.Invalid(AccessTokens.Rejection.EXPIRED, "expired");
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return Map.of("keys", java.util.List.of());
    }

    /** The claims of a user's token. */
    public AccessTokenClaims claimsOf(String token) {
        return ((AccessTokenCheck.Valid) issued.get(token)).claims();
    }

    /** The claims of a service client's token. */
    public ServiceTokenClaims serviceClaimsOf(String token) {
        return ((AccessTokenCheck.ValidService) issued.get(token)).claims();
    }

    private static Instant expiryOf(AccessTokenCheck valid) {
        return valid instanceof AccessTokenCheck.ValidService service ? service.claims().expiresAt()
                : ((AccessTokenCheck.Valid) valid).claims().expiresAt();
    }
}
