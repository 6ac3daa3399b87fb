package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Renders an error in the form its endpoint promises: the {@link ErrorDialect} that applies to the request
 * (RFC 6749 §5.2 JSON on the OAuth endpoints), RFC 9457 problem+json everywhere else.
 */
@Singleton
public final class ErrorRenderer {

    private final List<ErrorDialect> dialects;

    ErrorRenderer(List<ErrorDialect> dialects) {
        this.dialects = List.copyOf(dialects);
    }

    /** The error {@code type} with {@code detail} (safe to show) as the request's endpoint promises it. */
    public MutableHttpResponse<?> render(HttpRequest<?> request, ProblemType type, String detail) {
        return dialects.stream()
                .filter(dialect -> dialect.appliesTo(request))
                .findFirst()
                .<MutableHttpResponse<?>>map(dialect -> dialect.render(type, detail))
                .orElseGet(() -> Responses.problem(type, detail));
    }

    MutableHttpResponse<?> retryLater(HttpRequest<?> request, ProblemType type, String detail, Duration retryAfter) {
        return render(request, type, detail).header(HttpHeaders.RETRY_AFTER, Responses.seconds(retryAfter));
    }
}
