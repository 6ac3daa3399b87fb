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
        return HttpResponse.<OAuthError>status(HttpStatus.valueOf(code.status))
                .body(OAuthError.of(code, description))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.PRAGMA, "no-cache");
    }
}
