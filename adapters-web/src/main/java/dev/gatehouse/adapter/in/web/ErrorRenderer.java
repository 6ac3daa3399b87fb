package dev.gatehouse.adapter.in.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Renders an error in the form its endpoint promises: RFC 6749 §5.2 JSON on the OAuth endpoints
 * ({@code /auth/token}, {@code /auth/revoke}), RFC 9457 problem+json everywhere else.
 */
@Singleton
final class ErrorRenderer {

    static final String TOKEN_PATH = "/auth/token";
    static final String REVOKE_PATH = "/auth/revoke";

    MutableHttpResponse<?> render(HttpRequest<?> request, ProblemType type, String detail) {
        if (!isOAuthEndpoint(request)) {
            return Responses.problem(type, detail);
        }
        return Responses.oauthError(oauthCode(type), detail);
    }

    MutableHttpResponse<?> retryLater(HttpRequest<?> request, ProblemType type, String detail, Duration retryAfter) {
        return render(request, type, detail).header(HttpHeaders.RETRY_AFTER, Responses.seconds(retryAfter));
    }

    static boolean isOAuthEndpoint(HttpRequest<?> request) {
        String path = request.getPath();
        return TOKEN_PATH.equals(path) || REVOKE_PATH.equals(path);
    }

    private static OAuthError.Code oauthCode(ProblemType type) {
        return switch (type) {
            case INVALID_CLIENT, UNAUTHENTICATED -> OAuthError.Code.INVALID_CLIENT;
            case TOO_MANY_REQUESTS -> OAuthError.Code.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> OAuthError.Code.TEMPORARILY_UNAVAILABLE;
            case INTERNAL -> OAuthError.Code.SERVER_ERROR;
            case INVALID_REFRESH_TOKEN -> OAuthError.Code.INVALID_GRANT;
            default -> OAuthError.Code.INVALID_REQUEST;
        };
    }
}
