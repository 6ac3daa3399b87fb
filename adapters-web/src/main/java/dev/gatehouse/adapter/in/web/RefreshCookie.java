package dev.gatehouse.adapter.in.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import java.time.Duration;
import java.util.Optional;

/**
 * The refresh token of cookie clients, written exactly as the API contract spells it:
 * {@code __Host-gh_refresh=<token>; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=<seconds>}, no
 * Domain (the {@code __Host-} prefix makes browsers insist on Secure, Path=/ and no Domain). Cleared
 * with the same attributes and {@code Max-Age=0}.
 */
final class RefreshCookie {

    static final String NAME = "__Host-gh_refresh";

    private RefreshCookie() {
    }

    static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    static void set(MutableHttpResponse<?> response, String token, Duration maxAge) {
        write(response, NAME, token, maxAge);
    }

    static void clear(MutableHttpResponse<?> response) {
        write(response, NAME, "", Duration.ZERO);
    }

    /** Adds a {@code __Host-} cookie with the service's fixed attributes. */
    static void write(MutableHttpResponse<?> response, String name, String value, Duration maxAge) {
        response.getHeaders().add(HttpHeaders.SET_COOKIE,
                name + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" + Math.max(0, maxAge.toSeconds()));
    }
}
