package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.http.HttpStatus;

/**
 * The kinds of error this service answers with (RFC 9457 {@code type}, {@code title}, {@code status}).
 * Documented one by one in {@code docs/problems.md}.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid input", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    INVALID_REFRESH_TOKEN("invalid-refresh-token", "Invalid refresh token", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    INVALID_CLIENT("invalid-client", "Unknown client", HttpStatus.UNAUTHORIZED),
    UNAUTHORIZED_CLIENT("unauthorized-client", "Client not allowed here", HttpStatus.BAD_REQUEST),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    INSUFFICIENT_SCOPE("insufficient-scope", "Insufficient scope", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    EMAIL_TAKEN("email-taken", "Email already registered", HttpStatus.CONFLICT),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    URI_TOO_LONG("uri-too-long", "URI too long", HttpStatus.REQUEST_URI_TOO_LONG),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL("internal", "Internal server error", HttpStatus.INTERNAL_SERVER_ERROR),
    NOT_IMPLEMENTED("not-implemented", "Method not implemented", HttpStatus.NOT_IMPLEMENTED),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    BAD_GATEWAY("bad-gateway", "Upstream unreachable", HttpStatus.BAD_GATEWAY),
    UPSTREAM_TIMEOUT("upstream-timeout", "Upstream timed out", HttpStatus.GATEWAY_TIMEOUT),
    INVALID_CREDENTIALS("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN("invalid-token", "Invalid or expired link", HttpStatus.BAD_REQUEST),
    WRONG_PASSWORD("wrong-password", "Wrong password", HttpStatus.BAD_REQUEST);

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    String uri() {
        return "urn:gatehouse:problem:" + slug;
    }

    String title() {
        return title;
    }

    /** The HTTP status of this type; every document of it carries the same number as {@code status}. */
    public HttpStatus status() {
        return status;
    }

    /**
     * The type for a status the framework produced on its own (404, 405, 406, 413, 415, ...); a status
     * without a type of its own gets the generic 400 or 500 type (whose status then differs).
     */
    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == status && type != VALIDATION && type != INVALID_REFRESH_TOKEN
                    && type != INVALID_CLIENT && type != UNAUTHORIZED_CLIENT && type != EMAIL_TAKEN && type != INVALID_CREDENTIALS
                    && type != INSUFFICIENT_SCOPE) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
