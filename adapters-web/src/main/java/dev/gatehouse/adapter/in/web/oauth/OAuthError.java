package dev.gatehouse.adapter.in.web.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An error of the OAuth endpoints (RFC 6749 §5.2), served as {@code application/json}, carrying the
 * RFC 9457 members too so that one parser reads every error of the service.
 */
@Serdeable
record OAuthError(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "RFC 6749 §5.2, plus `too_many_requests` (429), "
                + "`temporarily_unavailable` (503) and `server_error` (500)", allowableValues = {"invalid_request", "invalid_client",
                    "invalid_grant", "unauthorized_client", "invalid_scope", "unsupported_grant_type", "too_many_requests",
                    "temporarily_unavailable", "server_error"}) String error,
        @JsonProperty("error_description") String errorDescription,
        String type,
        String title,
        int status) {

    /** The RFC 6749 error codes this service uses, each in the document's {@code allowableValues} of {@code error}. */
    enum Code {
        INVALID_REQUEST("invalid_request", 400, "Invalid request"),
        INVALID_CLIENT("invalid_client", 401, "Invalid client"),
        INVALID_GRANT("invalid_grant", 400, "Invalid grant"),
        UNAUTHORIZED_CLIENT("unauthorized_client", 400, "Unauthorized client"),
        INVALID_SCOPE("invalid_scope", 400, "Invalid scope"),
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400, "Unsupported grant type"),
        TOO_MANY_REQUESTS("too_many_requests", 429, "Too many requests"),
        TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503, "Service unavailable"),
        SERVER_ERROR("server_error", 500, "Internal server error");

        final String value;
        final int status;
        final String title;

        Code(String value, int status, String title) {
            this.value = value;
            this.status = status;
            this.title = title;
        }
    }

    /** The error {@code code} answered with {@code status}, usually the code's own (RFC 6749 §5.2: 400, 401). */
    static OAuthError of(Code code, String description, int status) {
        return new OAuthError(code.value, description, "urn:gatehouse:oauth-error:" + code.value, code.title, status);
    }
}
