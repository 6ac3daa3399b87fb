package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;

/**
 * An error format that some endpoints promise instead of RFC 9457 problem+json (e.g. RFC 6749 §5.2 on the
 * OAuth endpoints). The endpoints' own package provides it, so this package need not know their paths.
 */
public interface ErrorDialect {

    /** Whether errors of this request are rendered in this dialect. */
    boolean appliesTo(HttpRequest<?> request);

    /** The error {@code type} with {@code detail} (safe to show) in this dialect. */
    MutableHttpResponse<?> render(ProblemType type, String detail);
}
