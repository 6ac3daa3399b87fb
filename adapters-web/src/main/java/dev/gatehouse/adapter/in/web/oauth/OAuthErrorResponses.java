package dev.gatehouse.adapter.in.web.oauth;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error answers of the OAuth endpoints for the OpenAPI document: RFC 6749 §5.2 JSON ({@link OAuthError},
 * {@code application/json}) with the RFC 9457 members, for every status they can have.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "`invalid_request` (a parameter missing, repeated or malformed); at the token "
        + "endpoint also `invalid_grant` (wrong password, or a refresh token that is invalid, expired, revoked or reused), "
        + "`unsupported_grant_type`, `invalid_scope`; `unauthorized_client` for a client that may not use the grant or endpoint",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@ApiResponse(responseCode = "401", description = "`invalid_client`: the `client_id` is missing or unknown, or a service client's secret "
        + "is missing or wrong (with `WWW-Authenticate: Basic` when HTTP Basic was used)",
        headers = @Header(name = "WWW-Authenticate", description = "`Basic realm=\"gatehouse\", charset=\"UTF-8\"` (RFC 7617) when the "
                + "request used HTTP Basic", schema = @Schema(type = "string")),
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@ApiResponse(responseCode = "403", description = "CSRF check failed on a cookie request (allowed `Origin` and "
        + "`X-Requested-With: gatehouse` needed)",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@ApiResponse(responseCode = "415", description = "`invalid_request`: the body's `Content-Type` is missing, neither form nor JSON, or "
        + "names a charset other than UTF-8",
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@ApiResponse(responseCode = "429", description = "Too many attempts from the address or on the account (sign-ins, client secrets)",
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@ApiResponse(responseCode = "503", description = "`temporarily_unavailable`: the database is not answering, or too many sign-ins at once",
        headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = OAuthError.class)))
@interface OAuthErrorResponses {
}
