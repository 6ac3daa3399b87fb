package dev.gatehouse.adapter.in.web.connection;

import dev.gatehouse.adapter.in.web.problem.ErrorRenderer;
import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one answer to a request {@link MalformedRequestGuard} refuses, in the error format of the endpoint it was
 * sent to ({@link ErrorRenderer}: RFC 6749 §5.2 JSON at the OAuth endpoints, RFC 9457 problem+json elsewhere),
 * with {@code Connection: close}; the connection is closed once it is written.
 */
@Singleton
final class Refusal {

    private static final Logger LOG = LoggerFactory.getLogger(Refusal.class);

    /** Why a request is refused, with its type and the detail shown to the client. */
    enum Reason {
        MALFORMED_CHUNK(ProblemType.MALFORMED_REQUEST, "The chunked request body is malformed."),
        TRANSFER_ENCODING(ProblemType.MALFORMED_REQUEST, "The last transfer coding of a request must be chunked."),
        HOST(ProblemType.MALFORMED_REQUEST, "The request needs exactly one valid Host header."),
        METHOD_IN_ANOTHER_CASE(ProblemType.NOT_IMPLEMENTED, "This service does not implement the request method.");

        private final ProblemType type;
        private final String detail;

        Reason(ProblemType type, String detail) {
            this.type = type;
            this.detail = detail;
        }
    }

    private final ErrorRenderer renderer;
    private final JsonMapper json;

    Refusal(ErrorRenderer renderer, JsonMapper json) {
        this.renderer = renderer;
        this.json = json;
    }

    /** @param uri the refused request's target, which decides the error format */
    void answer(ChannelHandlerContext ctx, Reason reason, String uri) {
        LOG.debug("refusing a request from {}: {}", ctx.channel().remoteAddress(), reason);
        ctx.writeAndFlush(response(reason, uri)).addListener(ChannelFutureListener.CLOSE);
    }

    private FullHttpResponse response(Reason reason, String uri) {
        MutableHttpResponse<?> rendered = renderer.render(requestTo(uri), reason.type, reason.detail);
        byte[] body = bytes(rendered.getBody().orElseThrow());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rendered.code()), Unpooled.wrappedBuffer(body));
        rendered.getHeaders().forEach((name, values) -> response.headers().add(name, values));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }

    /** The refused request as far as its error format goes: its path; a target that is no URI gets the default format. */
    private static HttpRequest<?> requestTo(String uri) {
        try {
            return HttpRequest.create(HttpMethod.GET, uri.split("[?#]", 2)[0]);
        } catch (IllegalArgumentException notAUri) {
            return HttpRequest.create(HttpMethod.GET, "/");
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
