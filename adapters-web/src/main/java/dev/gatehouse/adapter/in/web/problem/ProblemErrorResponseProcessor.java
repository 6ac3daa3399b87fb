package dev.gatehouse.adapter.in.web.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;

/**
 * Turns every error the framework answers on its own (no route, wrong method or media type, unreadable
 * body, oversized request, unexpected exception) into this service's error format. The framework's
 * messages are never passed on: they can echo input or name internal classes. The document's
 * {@code status} is always the response's: a status this service has no type for is answered with the
 * generic type's status (400 or 500) instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Object> {

    private final ErrorRenderer renderer;

    ProblemErrorResponseProcessor(ErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        ProblemType type = typeOf(context, base.code());
        MutableHttpResponse<?> rendered = renderer.render(context.getRequest(), type, detailFor(type));
        MutableHttpResponse<Object> response = ((MutableHttpResponse<Object>) base).status(type.status());
        rendered.getHeaders().forEach((name, values) -> values.forEach(value -> response.header(name, value)));
        rendered.getBody().ifPresent(response::body);
        rendered.getContentType().ifPresent(response::contentType);
        return response;
    }

    /**
     * The framework answers every request line or header block over its limit with 413, as it does an
     * oversized body; RFC 9110 §15.5.15 and RFC 6585 §5 name them 414 and 431, which is what they get here.
     */
    private static ProblemType typeOf(ErrorContext context, int status) {
        if (status == HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode() && context.getRequest() instanceof NettyHttpRequest<?> netty) {
            Throwable cause = netty.getNativeRequest().decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return ProblemType.URI_TOO_LONG;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return ProblemType.HEADERS_TOO_LARGE;
            }
        }
        return ProblemType.forStatus(status);
    }

    private static String detailFor(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "There is no resource at this path.";
            case METHOD_NOT_ALLOWED -> "This resource does not support the request method.";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body has a media type this resource does not accept.";
            case NOT_ACCEPTABLE -> "This resource answers only in the media types it documents.";
            case PAYLOAD_TOO_LARGE -> "The request is too large.";
            case URI_TOO_LONG -> "The request line is longer than this service reads.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than this service reads.";
            case UNAVAILABLE -> "The service cannot answer right now; try again shortly.";
            case INTERNAL -> "The service failed unexpectedly.";
            default -> "The request could not be understood.";
        };
    }

}
