package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.problem.ErrorDialect;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/**
 * Errors the framework or a port raises on the OAuth endpoints ({@code /auth/token}, {@code /auth/revoke})
 * are answered as RFC 6749 §5.2 JSON, the only error format OAuth clients read there, with the problem
 * type's status (e.g. 403, 405, 415) in the response and in the body's {@code status}.
 */
@Singleton
final class OAuthErrorDialect implements ErrorDialect {

    @Override
    public boolean appliesTo(HttpRequest<?> request) {
        String endpoint = withoutTrailingSlash(request.getPath());
        return TokenController.PATH.equals(endpoint) || RevocationController.PATH.equals(endpoint);
    }

    /** The router also serves {@code /auth/token/} as {@code /auth/token}; its errors keep the OAuth shape. */
    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public MutableHttpResponse<?> render(ProblemType type, String detail) {
        return OAuthResponses.error(codeOf(type), detail, type.status());
    }

    private static OAuthError.Code codeOf(ProblemType type) {
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
