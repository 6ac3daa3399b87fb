package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parameters of {@code POST /auth/revoke} (RFC 7009 §2.1) as the OpenAPI document describes them; {@code client_id}
 * may be left out when HTTP Basic names the client (RFC 6749 §2.3.1).
 */
record RevocationRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A refresh token or an access token; either ends its session")
        String token,
        // second, where it stood while it was required: operations of clients generated from the document keep their parameters' order
        @JsonProperty("client_id") @Schema(description = "A configured client; required unless HTTP Basic names the client (a "
                + "service client, `client_secret_basic`), and then the same client if sent") String clientId,
        @JsonProperty("token_type_hint") @Schema(allowableValues = {"refresh_token", "access_token"}) String tokenTypeHint,
        @JsonProperty("client_secret") @Schema(description = "A service client's secret, unless sent by HTTP Basic (RFC 6749 §2.3.1)",
                format = "password") String clientSecret) {
}
