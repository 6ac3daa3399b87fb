package dev.gatehouse.adapter.in.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.net.URI;
import java.util.Optional;

/**
 * CSRF defence for requests of cookie clients (OWASP CSRF cheat sheet: origin verification plus a
 * custom request header, which no cross-site form can send and no cross-origin script can send without
 * a CORS preflight that only the client's own origins pass). The origin comes from {@code Origin}, or
 * failing that {@code Referer}; {@code null} and missing origins are refused.
 */
final class CsrfGuard {

    static final String HEADER = "X-Requested-With";
    static final String HEADER_VALUE = "gatehouse";

    private CsrfGuard() {
    }

    /** Whether the request comes from one of the client's allowed origins and carries the custom header. */
    static boolean allows(HttpRequest<?> request, ClientSettings client) {
        if (!HEADER_VALUE.equals(request.getHeaders().get(HEADER))) {
            return false;
        }
        return originOf(request).filter(client.getAllowedOrigins()::contains).isPresent();
    }

    static Optional<String> originOf(HttpRequest<?> request) {
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
