package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import dev.gatehouse.adapter.in.web.problem.Responses;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The static files ({@code /sdk/gatehouse.js}, the demo's pages): read with {@code GET} or {@code HEAD} only,
 * any other method is {@code 405} with {@code Allow} (RFC 9110 §15.5.6), as on every route; Micronaut's static
 * resources would serve the file to any method. Scripts go out as {@code text/javascript}, the one media type
 * RFC 9239 keeps for JavaScript; left alone, Micronaut's file writer would fill in the obsolete
 * {@code application/javascript} of its extension table (it sets a type only where none is set). Every file
 * goes out with {@code X-Content-Type-Options: nosniff}, and the demo's page with a Content-Security-Policy
 * that admits its own script and connections only and no framing (CSP Level 3 {@code frame-ancestors}, against
 * clickjacking of its sign-in form). CORS preflights ({@code OPTIONS}) are answered by the CORS filter before this one.
 */
@Filter({"/sdk/**", "/demo/**"})
final class StaticFileFilter implements HttpServerFilter {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!READS.contains(request.getMethod())) {
            return Mono.just(Responses.problem(ProblemType.METHOD_NOT_ALLOWED, "A static file is read with GET or HEAD.")
                    .header(HttpHeaders.ALLOW, "GET, HEAD"));
        }
        String path = request.getPath();
        boolean script = path.endsWith(".js");
        boolean page = path.endsWith("/") || path.endsWith(".html");
        return Mono.from(chain.proceed(request)).map(response -> {
            response.header("X-Content-Type-Options", "nosniff");
            if (script && response.getContentType().isEmpty()) {
                response.contentType(MediaType.TEXT_JAVASCRIPT_TYPE);
            }
            if (page && response.status().getCode() == 200) {
                response.contentType("text/html; charset=utf-8").header("Content-Security-Policy", PAGE_POLICY);
            }
            return response;
        });
    }
}
