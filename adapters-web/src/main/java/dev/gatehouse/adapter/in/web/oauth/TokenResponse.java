package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ServiceToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The token response of RFC 6749 §5.1 with Gatehouse's extensions, for every grant: {@code password} and
 * {@code refresh_token} (and registration) answer the session's members, {@code client_credentials} answers
 * {@code scope} instead (§4.4.3: no refresh token, no session, no user). A member a grant does not answer is absent.
 * One schema for the answers of every grant, so that generated clients bind each answer to it.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") @Schema(description = "Body clients' sessions only: a cookie client gets it as the "
                + "`__Host-gh_refresh` cookie") String refreshToken,
        @JsonProperty("refresh_expires_in") @Schema(description = "Sessions only: seconds until the refresh token expires "
                + "unless used") Long refreshExpiresIn,
        @JsonProperty("session_id") @Schema(description = "Sessions only: the session, the `sid` claim") String sessionId,
        @JsonProperty("user_id") @Schema(description = "Sessions only: the account, the `sub` claim") String userId,
        @Schema(description = "`client_credentials` only: the scopes granted, space-separated") String scope) {

    /** A session's tokens; {@code refresh_token} only when {@code includeRefreshToken}. */
    public static TokenResponse of(IssuedTokens tokens, boolean includeRefreshToken) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresIn().toSeconds(),
                includeRefreshToken ? tokens.refreshToken() : null, tokens.refreshExpiresIn().toSeconds(),
                tokens.sessionId().toString(), tokens.userId().toString(), null);
    }

    /** A service client's access token with its granted {@code scope} (RFC 6749 §4.4.3, §5.1). */
    static TokenResponse of(ServiceToken token) {
        return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn().toSeconds(), null, null, null, null,
                token.scopes().toString());
    }

    /** Redacts the tokens. */
    @Override
    public String toString() {
        return "TokenResponse[session=" + sessionId + ", scope=" + scope + ", tokens redacted]";
    }
}
