package dev.gatehouse.adapter.in.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.Optional;

/**
 * The refresh token of cookie clients: {@code __Host-gh_refresh}, Secure, HttpOnly, SameSite=Strict,
 * Path=/, no Domain (the {@code __Host-} prefix makes browsers enforce the last three). Cleared with
 * the same attributes and {@code Max-Age=0}.
 */
final class RefreshCookie {

    static final String NAME = "__Host-gh_refresh";

    private RefreshCookie() {
    }

    static Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    static void set(MutableHttpResponse<?> response, String token, Duration maxAge) {
        response.cookie(hostCookie(NAME, token).maxAge(maxAge));
    }

    static void clear(MutableHttpResponse<?> response) {
        response.cookie(hostCookie(NAME, "").maxAge(0));
    }

    static Cookie hostCookie(String name, String value) {
        return Cookie.of(name, value).path("/").secure(true).httpOnly(true).sameSite(SameSite.Strict);
    }
}
