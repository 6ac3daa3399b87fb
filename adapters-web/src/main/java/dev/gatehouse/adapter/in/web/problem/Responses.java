package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;

/** Builds the service's problem+json responses (RFC 9457) with the right media type and cache headers. */
public final class Responses {

    private static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Responses() {
    }

    public static MutableHttpResponse<Problem> problem(ProblemType type, String detail) {
        return problem(Problem.of(type, detail));
    }

    /** A problem that also names the OAuth error code {@code error} that applies (e.g. {@code invalid_client}). */
    public static MutableHttpResponse<Problem> problem(ProblemType type, String detail, String error) {
        return problem(new Problem(type.uri(), type.title(), type.status().getCode(), detail, null, error));
    }

    private static MutableHttpResponse<Problem> problem(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(PROBLEM_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    public static MutableHttpResponse<Problem> validation(List<Problem.FieldError> errors) {
        return withErrors(ProblemType.VALIDATION, "The request has invalid fields.", errors);
    }

    /** 400 for a body the endpoint cannot read; {@code errors} names the fields at fault (none when the whole body is). */
    public static MutableHttpResponse<Problem> malformed(String detail, List<Problem.FieldError> errors) {
        return withErrors(ProblemType.MALFORMED_REQUEST, detail, errors.isEmpty() ? null : errors);
    }

    private static MutableHttpResponse<Problem> withErrors(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return problem(new Problem(type.uri(), type.title(), type.status().getCode(), detail, errors, null));
    }

    /** 401 with the RFC 6750 §3 challenge; {@code error="invalid_token"} only when a token was presented. */
    static MutableHttpResponse<Problem> unauthenticated(boolean tokenPresented) {
        String challenge = tokenPresented ? "Bearer realm=\"gatehouse\", error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"";
        return problem(ProblemType.UNAUTHENTICATED, "A valid bearer access token is required.")
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    /** 403 with the RFC 6750 §3.1 challenge naming the {@code scope} the endpoint needs. */
    static MutableHttpResponse<Problem> insufficientScope(String scope) {
        return problem(ProblemType.INSUFFICIENT_SCOPE, "The access token lacks the scope this endpoint needs: " + scope + ".")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gatehouse\", error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    public static MutableHttpResponse<Problem> retryLater(ProblemType type, String detail, Duration retryAfter) {
        return problem(type, detail).header(HttpHeaders.RETRY_AFTER, seconds(retryAfter));
    }

    /** Whole seconds for {@code Retry-After} (RFC 9110 §10.2.3), rounded up, at least 1. */
    public static String seconds(Duration duration) {
        long seconds = (duration.toMillis() + 999) / 1000;
        return Long.toString(Math.max(1, seconds));
    }
}
