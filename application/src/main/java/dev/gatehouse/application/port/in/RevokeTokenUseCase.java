package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.ClientId;

/**
 * Token revocation (RFC 7009): revoking a refresh token or an access token ends its session. Answers
 * nothing on purpose: unknown, invalid and foreign tokens look the same as revoked ones (§2.2).
 */
public interface RevokeTokenUseCase {

    /**
     * Revokes the token's session if the token is authentic and was issued to {@code client}.
     *
     * @param clientAddress where the request came from, for the security event; null where none is known
     */
    void revoke(String token, ClientId client, String clientAddress);
}
