package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** The parameters of {@code POST /auth/revoke} (RFC 7009 §2.1) as the OpenAPI document describes them. */
record RevocationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A refresh token or an access token; either ends its session")
        String token,
        @JsonProperty("token_type_hint") @Schema(allowableValues = {"refresh_token", "access_token"}) String tokenTypeHint,
        @JsonProperty("client_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A configured client "
                + "(a service client may send it by HTTP Basic instead)") String clientId,
        @JsonProperty("client_secret") @Schema(description = "A service client's secret, unless sent by HTTP Basic (RFC 6749 §2.3.1)",
                format = "password") String clientSecret) {
}
