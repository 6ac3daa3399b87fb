package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The token response of RFC 6749 §5.1 with Gatehouse's extensions. {@code refresh_token} is present for
 * body clients only; cookie clients get it as an HttpOnly cookie.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") @Nullable String refreshToken,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("user_id") String userId) {

    public static TokenResponse of(IssuedTokens tokens, boolean includeRefreshToken) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresIn().toSeconds(),
                includeRefreshToken ? tokens.refreshToken() : null, tokens.refreshExpiresIn().toSeconds(),
                tokens.sessionId().toString(), tokens.userId().toString());
    }
}
