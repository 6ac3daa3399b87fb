package dev.gatehouse.adapter.in.web.connection;

import io.micronaut.http.HttpMethod;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses, right after the HTTP codec and before the framework sees them, requests whose framing or head
 * cannot be trusted: once the end of such a request is unknown, so is the start of the next, so the connection
 * is answered once ({@link Refusal}) and closed, and whatever else arrives on it is dropped.
 *
 * <ul>
 *   <li>a chunked body the codec could not decode (a chunk size that is no hex number, data not followed by
 *       CRLF): RFC 9112 §7.1. The codec ends such a body early; taken as the whole body, it would run (or be
 *       forwarded) as a request that was never sent;</li>
 *   <li>a {@code Transfer-Encoding} whose final coding is not {@code chunked}: RFC 9112 §6.3 (4), "the server MUST
 *       respond with the 400 (Bad Request) status code and then close the connection";</li>
 *   <li>an HTTP/1.1 request without {@code Host}, and any with more than one {@code Host} line or an invalid
 *       value (RFC 9112 §3.2, RFC 3986 §3.2.2-3): 400;</li>
 *   <li>a method that names a standard method in another case ({@code get}, {@code Post}): the method token is
 *       case-sensitive (RFC 9110 §9.1), the framework's is not, so it would run as the method it resembles;
 *       501, the answer to a method the server does not recognise (RFC 9110 §15.6.2).</li>
 * </ul>
 */
final class MalformedRequestGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "gatehouse-malformed-requests";

    /** RFC 3986 host (IP-literal, IPv4address or reg-name) and optional port; empty is allowed (RFC 9112 §3.2). */
    private static final Pattern HOST = Pattern.compile(
            "(?:\\[[0-9A-Za-z:._~!$&'()*+,;=-]+]|[0-9A-Za-z._~!$&'()*+,;=%-]*)(?::[0-9]*)?");
    private static final List<String> STANDARD_METHODS = Arrays.stream(HttpMethod.values())
            .filter(method -> method != HttpMethod.CUSTOM).map(HttpMethod::name).toList();

    private final Refusal refusal;
    private String target = "/";
    private boolean refused;

    MalformedRequestGuard(Refusal refusal) {
        this.refusal = refusal;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Optional<Refusal.Reason> reason = reasonToRefuse(msg);
        if (msg instanceof HttpRequest request) {
            target = request.uri();
        }
        if (reason.isEmpty()) {
            ctx.fireChannelRead(msg);
            return;
        }
        refused = true;
        ReferenceCountUtil.release(msg);
        refusal.answer(ctx, reason.get(), target);
    }

    private Optional<Refusal.Reason> reasonToRefuse(Object msg) {
        if (!(msg instanceof HttpRequest request)) {
            return msg instanceof HttpContent content && content.decoderResult().isFailure()
                    ? Optional.of(Refusal.Reason.MALFORMED_CHUNK) : Optional.empty();
        }
        if (request.decoderResult().isFailure()) {
            return Optional.empty(); // a head the codec refused (a full request, no chunk) is answered by the framework, and closed
        }
        if (!STANDARD_METHODS.contains(request.method().name())
                && STANDARD_METHODS.stream().anyMatch(request.method().name()::equalsIgnoreCase)) {
            return Optional.of(Refusal.Reason.METHOD_IN_ANOTHER_CASE);
        }
        if (!hasOneValidHost(request)) {
            return Optional.of(Refusal.Reason.HOST);
        }
        if (request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING) && !endsInChunked(request.headers())) {
            return Optional.of(Refusal.Reason.TRANSFER_ENCODING);
        }
        return Optional.empty();
    }

    private static boolean hasOneValidHost(HttpRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaderNames.HOST);
        if (hosts.isEmpty()) {
            return !request.protocolVersion().equals(HttpVersion.HTTP_1_1);
        }
        return hosts.size() == 1 && HOST.matcher(hosts.get(0)).matches();
    }

    /** The codings of every {@code Transfer-Encoding} line, in order (RFC 9110 §5.3): the last must be chunked. */
    private static boolean endsInChunked(HttpHeaders headers) {
        List<String> codings = headers.getAll(HttpHeaderNames.TRANSFER_ENCODING).stream()
                .flatMap(line -> Arrays.stream(line.split(",")))
                .map(String::strip)
                .filter(coding -> !coding.isEmpty())
                .toList();
        return !codings.isEmpty() && codings.get(codings.size() - 1).equalsIgnoreCase("chunked");
    }
}
