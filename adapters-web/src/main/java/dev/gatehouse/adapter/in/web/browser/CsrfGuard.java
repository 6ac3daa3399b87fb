package dev.gatehouse.adapter.in.web.browser;

import dev.gatehouse.adapter.in.web.problem.ErrorRenderer;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * CSRF defence for requests of cookie clients (OWASP CSRF cheat sheet: origin verification plus a
 * custom request header, which no cross-site form can send and no cross-origin script can send without
 * a CORS preflight that only the client's own origins pass). The origin comes from {@code Origin}, or
 * failing that {@code Referer}; {@code null} and missing origins are refused. Every configured origin of
 * the client counts, compared exactly ({@link Origins}). A refusal is a {@code 403} error document in the
 * endpoint's format (RFC 6749 §5.2 JSON on the OAuth endpoints, problem+json elsewhere), never an empty
 * body, and nothing else has happened yet.
 */
@Singleton
public final class CsrfGuard {

    static final String HEADER = "X-Requested-With";
    private static final String HEADER_VALUE = "gatehouse";

    private final ClientRegistry clients;
    private final ErrorRenderer errors;

    CsrfGuard(ClientRegistry clients, ErrorRenderer errors) {
        this.clients = clients;
        this.errors = errors;
    }

    /** The 403 unless the request comes from one of {@code client}'s origins with the custom header. */
    public Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request, ClientSettings client) {
        return allows(request, client) ? Optional.empty()
                : Optional.of(forbidden(request, "Requests of this client need an allowed Origin and X-Requested-With."));
    }

    /** As {@link #refusal}, for cookie clients only: a body client's request carries no cookie to abuse. */
    public Optional<MutableHttpResponse<?>> refusalForCookies(HttpRequest<?> request, ClientSettings client) {
        return client.getDelivery() == ClientSettings.Delivery.COOKIE ? refusal(request, client) : Optional.empty();
    }

    /** For a request that names no client but carries a cookie: the 403 unless it passes for some cookie client. */
    public Optional<MutableHttpResponse<?>> refusalForAnyCookieClient(HttpRequest<?> request) {
        return clients.cookieClients().anyMatch(client -> allows(request, client)) ? Optional.empty()
                : Optional.of(forbidden(request, "Cookie requests need an allowed Origin and X-Requested-With."));
    }

    /** Whether the request was sent by a page of a cookie client: its origin is one of a cookie client's. */
    public boolean fromCookieClientPage(HttpRequest<?> request) {
        return originOf(request).filter(origin -> clients.cookieClients()
                .anyMatch(client -> client.getAllowedOrigins().contains(origin))).isPresent();
    }

    private MutableHttpResponse<?> forbidden(HttpRequest<?> request, String detail) {
        return errors.render(request, ProblemType.FORBIDDEN, detail);
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
        return referer == null ? Optional.empty() : Origins.of(referer);
    }
}
