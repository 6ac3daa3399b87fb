package dev.gatehouse.domain.token;

import dev.gatehouse.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * What an access token asserts (RFC 9068 JWT profile; RFC 7519 claim names in brackets).
 *
 * @param issuer    the service [{@code iss}]
 * @param subject   the user [{@code sub}]
 * @param audience  the APIs the token is for [{@code aud}]
 * @param clientId  the client it was issued to [{@code client_id}]
 * @param sessionId the refresh-token family it belongs to [{@code sid}]
 * @param issuedAt  [{@code iat}]
 * @param expiresAt [{@code exp}]
 * @param tokenId   unique id of this token [{@code jti}]
 */
public record AccessTokenClaims(
        String issuer,
        UserId subject,
        String audience,
        ClientId clientId,
        FamilyId sessionId,
        Instant issuedAt,
        Instant expiresAt,
        String tokenId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
    }

    /** Claims for a token of {@code family}, issued at {@code now}, living as the policy says. */
    public static AccessTokenClaims forSession(
            String issuer, String audience, RefreshTokenFamily family, Instant now, TokenPolicy policy, String tokenId) {
        return new AccessTokenClaims(issuer, family.userId(), audience, family.clientId(), family.id(),
                now, now.plus(policy.accessTtl()), tokenId);
    }
}
