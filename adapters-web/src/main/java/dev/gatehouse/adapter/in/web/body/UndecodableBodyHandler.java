package dev.gatehouse.adapter.in.web.body;

import dev.gatehouse.adapter.in.web.problem.ErrorRenderer;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.compression.DecompressionException;
import jakarta.inject.Singleton;

/**
 * A body that its {@code Content-Encoding} does not decode (RFC 9110 §8.4.1: not the gzip or deflate data the
 * header announces) is malformed input: 400 {@code malformed-request} in the endpoint's own error form
 * ({@code invalid_request} at the OAuth endpoints), never a 500.
 */
@Singleton
final class UndecodableBodyHandler implements ExceptionHandler<DecompressionException, HttpResponse<?>> {

    private final ErrorRenderer renderer;

    UndecodableBodyHandler(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DecompressionException undecodable) {
        return renderer.render(request, ProblemType.MALFORMED_REQUEST, "The request body is not encoded as its Content-Encoding says.");
    }
}
