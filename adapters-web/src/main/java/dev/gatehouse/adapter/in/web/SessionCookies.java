package dev.gatehouse.adapter.in.web;

import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import java.time.Duration;
import java.util.Optional;

/**
 * The cookies of a {@code /bff} session: {@code __Host-gh_access} (the access token) next to the
 * refresh cookie, both HttpOnly, Secure, SameSite=Strict, Path=/, living as long as the session may.
 */
final class SessionCookies {

    static final String ACCESS = "__Host-gh_access";
    /** Prefix of every cookie of ours; upstream responses may not set such cookies. */
    static final String OURS = "__host-gh_";

    private SessionCookies() {
    }

    static Optional<String> access(HttpRequest<?> request) {
        return request.getCookies().findCookie(ACCESS).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    static void set(MutableHttpResponse<?> response, IssuedTokens tokens) {
        RefreshCookie.write(response, ACCESS, tokens.accessToken(), tokens.refreshExpiresIn());
        RefreshCookie.set(response, tokens.refreshToken(), tokens.refreshExpiresIn());
    }

    static void clear(MutableHttpResponse<?> response) {
        RefreshCookie.write(response, ACCESS, "", Duration.ZERO);
        RefreshCookie.clear(response);
    }
}
