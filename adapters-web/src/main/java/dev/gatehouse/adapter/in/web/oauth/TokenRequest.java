package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The parameters of {@code POST /auth/token} as the OpenAPI document describes them (form-encoded, RFC 6749
 * §4.3, §4.4 and §6, or JSON with the same names); {@link FormParameters} reads them.
 */
record TokenRequest(
        @JsonProperty("grant_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"password", "refresh_token", "client_credentials"}) String grantType,
        @JsonProperty("client_id") @Schema(description = "A configured client, e.g. `api` or `web` (required; a service client may send it by HTTP Basic "
                + "instead)") String clientId,
        @Schema(description = "The e-mail address (`password` grant)") String username,
        @Schema(description = "The password (`password` grant)", format = "password") String password,
        @JsonProperty("refresh_token") @Schema(description = "`refresh_token` grant of a body client; cookie clients send "
                + "the `__Host-gh_refresh` cookie instead") String refreshToken,
        @JsonProperty("client_secret") @Schema(description = "`client_credentials` grant of a service client, unless sent by "
                + "HTTP Basic (RFC 6749 §2.3.1)", format = "password") String clientSecret,
        @Schema(description = "`client_credentials` grant: the scopes wanted, space-separated (default: all of the client's)")
        String scope) {
}
