package dev.gatehouse.bootstrap.metrics;

import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.AccessTokenClaims;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The access tokens, counting every refused one as {@code gatehouse_access_tokens_refused_total{reason}}
 * ({@link AccessTokens.Rejection} in lower case: {@code malformed}, {@code unknown_key}, {@code signature},
 * {@code issuer_or_audience}, {@code expired}, {@code not_yet_valid}), whatever verified it: a bearer's check, or the
 * proxy's of a {@code /bff} access cookie (which refreshes an expired or unreadable cookie without verifying it, so
 * those are not counted). A rise of
 * {@code unknown_key} is an instance whose key set differs from the one that signed, which the log does not say.
 */
final class MeteredAccessTokens implements AccessTokens {

    private final AccessTokens tokens;
    private final Outcomes refused;

    /** @param registry resolved on the first refusal, not while the tokens are being created */
    MeteredAccessTokens(AccessTokens tokens, Supplier<MeterRegistry> registry) {
        this.tokens = tokens;
        this.refused = counter(registry);
    }

    @Override
    public String issue(AccessTokenClaims claims) {
        return tokens.issue(claims);
    }

    @Override
    public String issue(ServiceTokenClaims claims) {
        return tokens.issue(claims);
    }

    @Override
    public AccessTokenCheck verify(String token) {
        AccessTokenCheck check = tokens.verify(token);
        if (check instanceof AccessTokenCheck.Invalid invalid) {
            refused.count("reason", label(invalid.rejection()));
        }
        return check;
    }

    @Override
    public Map<String, Object> publicKeySet() {
        return tokens.publicKeySet();
    }

    static Outcomes counter(Supplier<MeterRegistry> registry) {
        return new Outcomes(registry, "gatehouse.access.tokens.refused", "Access tokens refused, by why");
    }

    static String label(AccessTokens.Rejection rejection) {
        return rejection.name().toLowerCase(Locale.ROOT);
    }
}
