package dev.gatehouse.domain.client;

import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.TokenPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * What a service client's access token asserts (RFC 9068 §2.2; claim names in brackets). There is no
 * user and no session: the subject is the client itself (RFC 9068 §2.2: "the client application"), so
 * the token lives until it expires and no {@code sid} exists to revoke.
 *
 * @param issuer    the service [{@code iss}]
 * @param client    the client, also the subject [{@code client_id}, {@code sub}]
 * @param audience  the APIs the token is for [{@code aud}]
 * @param scopes    what the token may do [{@code scope}], at least one
 * @param issuedAt  [{@code iat}]
 * @param expiresAt [{@code exp}]
 * @param tokenId   unique id of this token [{@code jti}]
 */
public record ServiceTokenClaims(
        String issuer,
        ClientId client,
        String audience,
        Scopes scopes,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId) {

    public ServiceTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(tokenId, "tokenId");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a service token carries at least one scope");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }

    /** Claims for a token of {@code client} with the {@code granted} scopes, issued at {@code now}, living as the policy says. */
    public static ServiceTokenClaims forClient(String issuer, String audience, ClientId client, Scopes granted, Instant now,
            TokenPolicy policy, String tokenId) {
        return new ServiceTokenClaims(issuer, client, audience, granted, now, now.plus(policy.accessTtl()), tokenId);
    }
}
