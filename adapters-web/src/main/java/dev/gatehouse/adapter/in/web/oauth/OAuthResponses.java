package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;

/** Builds the error responses of the OAuth endpoints (RFC 6749 §5.2): JSON, never cached (§5.1). */
final class OAuthResponses {

    private OAuthResponses() {
    }

    static MutableHttpResponse<OAuthError> error(OAuthError.Code code, String description) {
        return error(code, description, HttpStatus.valueOf(code.status));
    }

    /**
     * {@code 401 invalid_client}; with the {@code Basic} challenge when the client tried HTTP Basic
     * authentication (RFC 6749 §5.2: "MUST include the WWW-Authenticate response header field").
     */
    static MutableHttpResponse<OAuthError> invalidClient(String description, boolean triedBasic) {
        MutableHttpResponse<OAuthError> response = error(OAuthError.Code.INVALID_CLIENT, description);
        return triedBasic ? response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gatehouse\", charset=\"UTF-8\"") : response;
    }

    /** {@code 429 too_many_requests} with {@code Retry-After}. */
    static MutableHttpResponse<OAuthError> tooManyRequests(String description, Duration retryAfter) {
        return error(OAuthError.Code.TOO_MANY_REQUESTS, description).header(HttpHeaders.RETRY_AFTER, Responses.seconds(retryAfter));
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
