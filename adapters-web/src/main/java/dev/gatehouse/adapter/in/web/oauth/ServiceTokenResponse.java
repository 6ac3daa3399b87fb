package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ServiceToken;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The token response of the client credentials grant (RFC 6749 §4.4.3, §5.1): an access token and its
 * granted {@code scope}, never a refresh token, no session, no user.
 */
@Serdeable
record ServiceTokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        String scope) {

    static ServiceTokenResponse of(ServiceToken token) {
        return new ServiceTokenResponse(token.accessToken(), "Bearer", token.expiresIn().toSeconds(), token.scopes().toString());
    }

    @Override
    public String toString() {
        return "ServiceTokenResponse[scope=" + scope + ", token redacted]";
    }
}
