package dev.gatehouse.adapter.in.web.browser;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * CSRF defence for requests of cookie clients (OWASP CSRF cheat sheet: origin verification plus a
 * custom request header, which no cross-site form can send and no cross-origin script can send without
 * a CORS preflight that only the client's own origins pass). The origin comes from {@code Origin}, or
 * failing that {@code Referer}; {@code null} and missing origins are refused. A refusal is a
 * {@code 403} problem and nothing else has happened yet.
 */
@Singleton
public final class CsrfGuard {

    static final String HEADER = "X-Requested-With";
    private static final String HEADER_VALUE = "gatehouse";

    private final ClientRegistry clients;

    CsrfGuard(ClientRegistry clients) {
        this.clients = clients;
    }

    /** The 403 unless the request comes from one of {@code client}'s origins with the custom header. */
    public Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request, ClientSettings client) {
        return allows(request, client) ? Optional.empty() : Optional.of(Responses.problem(ProblemType.FORBIDDEN,
                "Requests of this client need an allowed Origin and X-Requested-With."));
    }

    /** As {@link #refusal}, for cookie clients only: a body client's request carries no cookie to abuse. */
    public Optional<MutableHttpResponse<?>> refusalForCookies(HttpRequest<?> request, ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.COOKIE ? refusal(request, client) : Optional.empty();
    }

    /** For a request that names no client but carries a cookie: the 403 unless it passes for some cookie client. */
    public Optional<MutableHttpResponse<?>> refusalForAnyCookieClient(HttpRequest<?> request) {
        return clients.cookieClients().anyMatch(client -> allows(request, client)) ? Optional.empty()
                : Optional.of(Responses.problem(ProblemType.FORBIDDEN, "Cookie requests need an allowed Origin and X-Requested-With."));
    }

    private static boolean allows(HttpRequest<?> request, ClientSettings client) {
        if (!HEADER_VALUE.equals(request.getHeaders().get(HEADER))) {
            return false;
        }
        return originOf(request).filter(client.getAllowedOrigins()::contains).isPresent();
    }

    private static Optional<String> originOf(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        if (origin != null) {
            return "null".equals(origin) ? Optional.empty() : Optional.of(origin);
        }
        String referer = request.getHeaders().get(HttpHeaders.REFERER);
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(referer);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException unparsable) {
            return Optional.empty();
        }
    }
}
