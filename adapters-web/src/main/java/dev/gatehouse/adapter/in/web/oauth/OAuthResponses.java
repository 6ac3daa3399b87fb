package dev.gatehouse.adapter.in.web.oauth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds the error responses of the OAuth endpoints (RFC 6749 §5.2): JSON, never cached (§5.1). */
final class OAuthResponses {

    private OAuthResponses() {
    }

    static MutableHttpResponse<OAuthError> error(OAuthError.Code code, String description) {
        return error(code, description, HttpStatus.valueOf(code.status));
    }

    /** As {@link #error(OAuthError.Code, String)} with another status (403, 405, 413, 415, ...), in the body too. */
    static MutableHttpResponse<OAuthError> error(OAuthError.Code code, String description, HttpStatus status) {
        return HttpResponse.<OAuthError>status(status)
                .body(OAuthError.of(code, description, status.getCode()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache");
    }
}
