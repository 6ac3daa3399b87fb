package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parameters of {@code POST /auth/token} as the OpenAPI document describes them (form-encoded, RFC 6749
 * §4.3 and §6, or JSON with the same names); {@link FormParameters} reads them.
 */
@Schema(requiredProperties = {"grant_type", "client_id"})
record TokenRequest(
        @JsonProperty("grant_type") @Schema(allowableValues = {"password", "refresh_token"}) String grantType,
        @JsonProperty("client_id") @Schema(description = "A configured client, e.g. `api` or `web`") String clientId,
        @Schema(description = "The e-mail address (`password` grant)") String username,
        @Schema(description = "The password (`password` grant)", format = "password") String password,
        @JsonProperty("refresh_token") @Schema(description = "`refresh_token` grant of a body client; cookie clients send "
                + "the `__Host-gh_refresh` cookie instead") String refreshToken) {
}
