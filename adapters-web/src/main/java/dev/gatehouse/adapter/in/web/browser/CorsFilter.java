package dev.gatehouse.adapter.in.web.browser;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * CORS (Fetch standard) for the configured clients' origins only: an allowed {@code Origin} is echoed with
 * {@code Access-Control-Allow-Credentials: true}; any other origin gets no CORS header at all, so the
 * browser keeps the response from it. Never {@code *}. Preflights are answered here. Answers expose
 * {@code Retry-After} and {@code WWW-Authenticate}, which are not CORS-safelisted response headers, so that a
 * page can read when to retry a 429 and why a 401 happened. Every response
 * carries {@code Vary: Origin} (RFC 9110 §12.5.5): its CORS headers, and the CSRF check's verdict, depend
 * on the {@code Origin}, so no cache may hand one origin's answer to another.
 */
@Filter("/**")
final class CorsFilter implements HttpServerFilter {

    private static final String ALLOWED_HEADERS = "Content-Type, Authorization, " + CsrfGuard.HEADER;
    /** The proxy forwards a page's own headers as sent (docs/browser-apps.md), so its preflight allows them. */
    private static final String PROXIED = "/bff/api/";
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String EXPOSED_HEADERS = HttpHeaders.RETRY_AFTER + ", " + HttpHeaders.WWW_AUTHENTICATE;

    private final Set<String> origins;

    CorsFilter(ClientRegistry clients) {
        this.origins = clients.all().flatMap(client -> client.getAllowedOrigins().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Outermost but for the request timer, which counts its preflights and refusals too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        boolean allowed = origin != null && origins.contains(origin);
        boolean preflight = request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (preflight) {
            MutableHttpResponse<?> answer = allowed ? HttpResponse.noContent()
                    : Responses.problem(ProblemType.FORBIDDEN, "This origin may not call the service from a browser.");
            return Mono.just(varyByOrigin(allowed ? decorate(answer, origin)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowedHeaders(request))
                    .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600") : answer));
        }
        return Mono.from(chain.proceed(request)).map(response -> varyByOrigin(allowed
                ? decorate(response, origin).header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS) : response));
    }

    /**
     * The service's own request headers; for the proxy also those the preflight asks for, each a header name
     * (RFC 9110 §5.1 token), so that nothing but names is echoed.
     */
    private static String allowedHeaders(HttpRequest<?> request) {
        String requested = request.getHeaders().get(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested == null || !request.getPath().startsWith(PROXIED)) {
            return ALLOWED_HEADERS;
        }
        Set<String> names = new LinkedHashSet<>(List.of(ALLOWED_HEADERS.split(", ")));
        Arrays.stream(requested.split(",")).map(String::strip).filter(name -> HEADER_NAME.matcher(name).matches())
                .forEach(names::add);
        return String.join(", ", names);
    }

    private static MutableHttpResponse<?> decorate(MutableHttpResponse<?> response, String origin) {
        return response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
    }

    /** Adds {@code Origin} to {@code Vary} unless it is listed already (e.g. by an upstream behind {@code /bff/api}). */
    private static MutableHttpResponse<?> varyByOrigin(MutableHttpResponse<?> response) {
        boolean listed = response.getHeaders().getAll(HttpHeaders.VARY).stream()
                .flatMap(vary -> Arrays.stream(vary.split(",")))
                .anyMatch(name -> name.strip().equalsIgnoreCase(HttpHeaders.ORIGIN) || "*".equals(name.strip()));
        return listed ? response : response.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }

}
