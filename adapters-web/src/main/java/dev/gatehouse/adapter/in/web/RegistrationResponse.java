package dev.gatehouse.adapter.in.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

/** The token response of a sign-in, plus the new account. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record RegistrationResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_expires_in") long refreshExpiresIn,
        @JsonProperty("session_id") String sessionId,
        @JsonProperty("user_id") String userId,
        UserView user) {

    static RegistrationResponse of(TokenResponse tokens, UserView user) {
        return new RegistrationResponse(tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), tokens.refreshToken(),
                tokens.refreshExpiresIn(), tokens.sessionId(), tokens.userId(), user);
    }
}
