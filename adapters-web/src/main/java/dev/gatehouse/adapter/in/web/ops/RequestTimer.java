package dev.gatehouse.adapter.in.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.UriRouteMatch;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds{method,uri,status,exception}}: every answer of the application, timed from
 * the request's arrival in the filter chain, the outermost filter. Micronaut's own timer runs innermost, so the answers
 * of the filters before it (CORS preflights and refusals, CSRF {@code 403}s, the media-type {@code 415}s) were
 * never counted, although an operator watches exactly those for a misconfigured frontend or an attack.
 *
 * <p>{@code uri} is the route template, never the raw path (a path is the caller's choice: one series per path
 * would be unbounded): the matched route's, or the one a filter names ({@code /bff/api/{path}}), else
 * {@code NOT_FOUND} for a 404 and {@code UNMATCHED_URI} for anything else (a preflight has no route). {@code method}
 * is one of the standard methods or {@code CUSTOM} for any other, never the caller's own spelling. {@code
 * exception} is the simple class name of what failed an answer of 400 or more, or {@code none}. What the HTTP codec
 * refuses before the application sees a request (a malformed head, a head that arrives too slowly) is not counted.
 */
@ServerFilter("/**")
@Order(Ordered.HIGHEST_PRECEDENCE)
final class RequestTimer {

    /** The histogram's buckets, 5 ms to 5 s. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private static final String STARTED = RequestTimer.class.getName() + ".started";

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    RequestTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    void arrived(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void answered(HttpRequest<?> request, HttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElseGet(System::nanoTime);
        timers.computeIfAbsent(Series.of(request, response), this::timer).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template, method, status and exception")
                .tags("method", series.method(), "uri", series.uri(), "status", Integer.toString(series.status()), "exception", series.exception())
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** One labelled series of the timer. */
    record Series(String method, String uri, int status, String exception) {

        static Series of(HttpRequest<?> request, HttpResponse<?> response) {
            int status = response.code();
            return new Series(request.getMethod().name(), uri(request, status), status, status >= 400 ? exception(response) : "none");
        }

        private static String uri(HttpRequest<?> request, int status) {
            return request.getAttribute(HttpAttributes.ROUTE_INFO, UriRouteMatch.class)
                    .map(match -> match.getRouteInfo().getUriMatchTemplate().toPathString())
                    .or(() -> request.getAttribute(HttpAttributes.URI_TEMPLATE, String.class))
                    .orElse(status == 404 ? "NOT_FOUND" : "UNMATCHED_URI");
        }

        private static String exception(HttpResponse<?> response) {
            return response.getAttribute(HttpAttributes.EXCEPTION, Throwable.class).map(failure -> failure.getClass().getSimpleName()).orElse("none");
        }
    }
}
