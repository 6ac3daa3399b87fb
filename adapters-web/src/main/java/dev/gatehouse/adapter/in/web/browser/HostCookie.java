package dev.gatehouse.adapter.in.web.browser;

import dev.gatehouse.application.port.in.IssuedTokens;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Every cookie the service sets, written exactly as the API contract spells it:
 * {@code <name>=<value>; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=<seconds>}, no Domain (the
 * {@code __Host-} prefix makes browsers insist on Secure, Path=/ and no Domain, RFC 6265bis §4.1.3.2).
 * Cleared with the same attributes and {@code Max-Age=0}.
 */
public enum HostCookie {
    /** The access token of a {@code /bff} session. */
    ACCESS("__Host-gh_access"),
    /** The refresh token of cookie clients. */
    REFRESH("__Host-gh_refresh"),
    /** The refresh token of a {@code /bff} session (a proxy client's): read by {@code /bff} only. */
    BFF("__Host-gh_bff");

    /** Prefix of every cookie of ours, lower case; upstream responses may not set such cookies. */
    private static final String OURS = "__host-gh_";

    private final String cookieName;

    HostCookie(String cookieName) {
        this.cookieName = cookieName;
    }

    /** The cookie's non-empty value in the request, if any. */
    public Optional<String> read(HttpRequest<?> request) {
        return request.getCookies().findCookie(cookieName).map(Cookie::getValue).filter(value -> !value.isEmpty());
    }

    public void set(MutableHttpResponse<?> response, String value, Duration maxAge) {
        response.getHeaders().add(HttpHeaders.SET_COOKIE,
                cookieName + "=" + value + "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" + Math.max(0, maxAge.toSeconds()));
    }

    public void clear(MutableHttpResponse<?> response) {
        set(response, "", Duration.ZERO);
    }

    /** The cookies of a {@code /bff} session: access next to refresh token, living as long as the session may. */
    public static void setSession(MutableHttpResponse<?> response, IssuedTokens tokens) {
        ACCESS.set(response, tokens.accessToken(), tokens.refreshExpiresIn());
        BFF.set(response, tokens.refreshToken(), tokens.refreshExpiresIn());
    }

    public static void clearSession(MutableHttpResponse<?> response) {
        ACCESS.clear(response);
        BFF.clear(response);
    }

    /**
     * Whether a {@code Set-Cookie} value may set one of the service's cookies: it names one anywhere,
     * case-insensitively — as the cookie's name, as the value of a nameless cookie ({@code =__Host-gh_access=x},
     * which browsers send back as {@code __Host-gh_access=x}), or after a comma of a folded header.
     */
    public static boolean isOurs(String setCookie) {
        return setCookie.toLowerCase(Locale.ROOT).contains(OURS);
    }
}
