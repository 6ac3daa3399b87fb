package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The RFC 9457 problem answers that endpoints share, as annotations for the OpenAPI document: put one on a
 * controller class (every operation of it) or method, and micronaut-openapi adds the response at compile
 * time. docs/architecture.md ("Documenting an endpoint") says which to use where. {@link BodylessSuccess} goes with them:
 * it makes the route of a bodyless operation accept what clients generated from those answers ask for.
 */
public final class ProblemResponses {

    /** The media type of every problem document. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * For an operation whose success has no body (204, 202): its route also produces {@code application/problem+json},
     * so that a request accepting only that, the one media type the document names for the operation's answers (what
     * openapi-generator's clients send, RFC 9110 §12.5.1), reaches it instead of a 406 from Micronaut's route matching;
     * {@code application/json}, {@code *}{@code /*} and no {@code Accept} reach it as before. Never on an operation with a
     * JSON success body, which would then be labelled problem+json for such a request. micronaut-openapi keeps the
     * 204/202 answers without content.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    public @interface BodylessSuccess {
    }

    /** 400: malformed body, or field errors ({@code errors}) for validation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "400", description = "Malformed request or invalid input (`errors` lists the fields)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface BadRequest {
    }

    /** 401 with {@code WWW-Authenticate: Bearer} (RFC 6750 §3): no, or no valid, access token. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "401", description = "No valid access token (or a revoked session)",
            headers = @Header(name = "WWW-Authenticate", description = "`Bearer`, with `error=\"invalid_token\"` for a bad token",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unauthenticated {
    }

    /** 403: a cookie-authenticated request without an allowed {@code Origin} and {@code X-Requested-With: gatehouse}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "403", description = "CSRF check failed: cookie requests need an allowed `Origin` and "
            + "`X-Requested-With: gatehouse`",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface CsrfRefused {
    }

    /** 404: nothing of the caller's by that id. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "404", description = "Not found (or not the caller's)",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface NotFound {
    }

    /** 415: a body of a media type the operation does not take, without a {@code Content-Type}, or in a charset other than UTF-8. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "415", description = "The body's `Content-Type` is missing, not one this operation takes, or names "
            + "a charset other than UTF-8",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface UnsupportedMediaType {
    }

    /** 429 with {@code Retry-After}: throttled. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "429", description = "Too many attempts",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Throttled {
    }

    /** 503 with {@code Retry-After}: the database is not answering, or every password-hashing slot is taken. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @ApiResponse(responseCode = "503", description = "The database is not answering, or too many sign-ins at once; nothing was changed",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class)))
    public @interface Unavailable {
    }
}
