package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.time.Duration;

/**
 * What a successful sign-in or refresh hands out (RFC 6749 §5.1). The refresh token exists in plain
 * form only here, on its way to the client. {@code toString} redacts both tokens.
 */
public record IssuedTokens(
        String accessToken,
        Duration accessExpiresIn,
        String refreshToken,
        Duration refreshExpiresIn,
        FamilyId sessionId,
        UserId userId) {

    @Override
    public String toString() {
        return "IssuedTokens[session=" + sessionId + ", user=" + userId + ", tokens redacted]";
    }
}
