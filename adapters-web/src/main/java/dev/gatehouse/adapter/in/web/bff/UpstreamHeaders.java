package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.HostCookie;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The header rules of the proxy, one method per direction. To the upstream: no hop-by-hop header, no
 * {@code Cookie}, none of the caller's {@code Authorization}, {@code Forwarded}, {@code X-Forwarded-*} or
 * {@code X-Real-IP} (the upstream must be able to trust what it gets), and then the bearer token and one
 * {@code X-Forwarded-For}: the client address as this service determined it. To the browser: no hop-by-hop
 * header, no {@code Set-Cookie} that could set one of the service's cookies, no {@code Access-Control-*}
 * (CORS is this service's decision, not the upstream's).
 */
final class UpstreamHeaders {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private UpstreamHeaders() {
    }

    static void toUpstream(MutableHttpHeaders headers, String accessToken, String clientAddress) {
        HopByHop.strip(headers);
        removeWhere(headers, name -> name.equals("forwarded") || name.startsWith("x-forwarded-") || name.equals("x-real-ip"));
        headers.remove(HttpHeaders.COOKIE);
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.remove(HttpHeaders.HOST);
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        headers.set(FORWARDED_FOR, clientAddress);
    }

    static void toBrowser(MutableHttpHeaders headers) {
        HopByHop.strip(headers);
        removeWhere(headers, name -> name.startsWith("access-control-"));
        List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
        headers.remove(HttpHeaders.SET_COOKIE);
        cookies.stream().filter(cookie -> !HostCookie.isOurs(cookie)).forEach(cookie -> headers.add(HttpHeaders.SET_COOKIE, cookie));
    }

    private static void removeWhere(MutableHttpHeaders headers, Predicate<String> lowerCaseName) {
        List.copyOf(headers.names()).stream().filter(name -> lowerCaseName.test(name.toLowerCase(Locale.ROOT))).forEach(headers::remove);
    }
}
