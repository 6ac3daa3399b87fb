package dev.gatehouse.adapter.in.web.bff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.adapter.in.web.problem.ProblemType;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exchange of a proxied request on embedded channels: the browser's connection on one side, an upstream
 * connection with its {@link UpstreamExchanges.Binder} on the other, HTTP messages as the codec passes them.
 */
class UpstreamExchangesTest {

    private final UpstreamExchanges exchanges = new UpstreamExchanges(Duration.ofSeconds(30));
    private final EmbeddedChannel browser = new EmbeddedChannel();
    private final List<Throwable> failures = new ArrayList<>();
    private final EmbeddedChannel upstream = new EmbeddedChannel(exchanges.new Binder(), new ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(cause);
        }
    });

    @Test
    void a_browser_leaving_mid_answer_closes_the_upstream_connection() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        browser.close();

        assertThat(upstream.isOpen()).isFalse();
        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void a_browser_gone_before_the_request_is_written_closes_the_connection_it_is_bound_to() {
        UpstreamExchanges.Exchange exchange = exchanges.open(browser);
        browser.close();

        ChannelFuture written = upstream.writeOneOutbound(request(exchange));

        assertThat(upstream.isOpen()).isFalse();
        assertThat(written.isSuccess()).as("the request was not written").isFalse();
        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void a_complete_answer_ends_the_exchange_and_the_connection_outlives_the_browser() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK),
                new DefaultLastHttpContent(Unpooled.copiedBuffer("done", StandardCharsets.US_ASCII)));

        browser.close();

        assertThat(upstream.isOpen()).as("kept alive for the pool").isTrue();
        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void an_interim_answer_is_not_the_end() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE), LastHttpContent.EMPTY_LAST_CONTENT,
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        browser.close();

        assertThat(upstream.isOpen()).isFalse();
    }

    @Test
    void the_next_exchange_on_a_kept_alive_connection_is_its_own() {
        EmbeddedChannel otherBrowser = new EmbeddedChannel();
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), LastHttpContent.EMPTY_LAST_CONTENT);
        send(exchanges.open(otherBrowser));

        browser.close();
        assertThat(upstream.isOpen()).as("the first browser's exchange has ended").isTrue();

        otherBrowser.close();
        assertThat(upstream.isOpen()).isFalse();
    }

    @Test
    void interim_answers_other_than_100_are_dropped_and_the_final_answer_goes_on() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(103)), LastHttpContent.EMPTY_LAST_CONTENT,
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PROCESSING), LastHttpContent.EMPTY_LAST_CONTENT,
                new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(upstream.<HttpResponse>readInbound().status()).isEqualTo(HttpResponseStatus.OK);
        assertThat(upstream.<Object>readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(upstream.<Object>readInbound()).isNull();
        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void a_100_continue_reaches_the_client() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE), LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(upstream.<HttpResponse>readInbound().status()).isEqualTo(HttpResponseStatus.CONTINUE);
        assertThat(exchanges.openCount()).as("the final answer is still to come").isOne();
    }

    @Test
    void a_protocol_switch_nobody_asked_for_closes_the_connection() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS));

        assertThat(upstream.<Object>readInbound()).isNull();
        assertThat(upstream.isOpen()).isFalse();
    }

    @Test
    void a_browser_leaving_fails_the_answer_as_its_leaving_not_as_an_upstream_failure() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        browser.close();

        assertThat(failures).singleElement().satisfies(failure -> assertThat(AnswerFailed.browserLeft(failure)).isTrue());
    }

    @Test
    void an_upstream_closing_mid_answer_fails_it_as_a_bad_gateway() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        upstream.close();

        assertThat(failures).singleElement().isInstanceOfSatisfying(AnswerFailed.class, failed -> {
            assertThat(failed.getStatus().getCode()).isEqualTo(502);
            assertThat(AnswerFailed.browserLeft(failed)).isFalse();
        });
    }

    @Test
    void the_head_waits_for_the_first_body_bytes_and_goes_on_before_them() {
        send(exchanges.open(browser));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        upstream.writeInbound(head, new DefaultHttpContent(Unpooled.EMPTY_BUFFER));
        assertThat(upstream.<Object>readInbound()).as("no body bytes yet").isNull();

        DefaultHttpContent first = new DefaultHttpContent(Unpooled.copiedBuffer("data: 1\n\n", StandardCharsets.US_ASCII));
        upstream.writeInbound(first);

        assertThat(upstream.<Object>readInbound()).isSameAs(head);
        assertThat(upstream.<Object>readInbound()).isSameAs(first);
        first.release();
    }

    @Test
    void a_head_without_a_body_goes_on_with_its_end() {
        send(exchanges.open(browser));
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT);
        upstream.writeInbound(head, LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(upstream.<Object>readInbound()).isSameAs(head);
        assertThat(upstream.<Object>readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void an_upstream_closing_before_the_first_body_bytes_fails_the_request_without_its_head() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        upstream.close();

        assertThat(upstream.<Object>readInbound()).as("the client never sees the head").isNull();
        assertThat(failures).singleElement().isInstanceOfSatisfying(AnswerFailed.class,
                failed -> assertThat(failed.type()).isEqualTo(ProblemType.BAD_GATEWAY));
    }

    @Test
    void a_failure_raised_before_the_first_body_bytes_drops_the_held_head() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        upstream.pipeline().fireExceptionCaught(AnswerFailed.timedOut());
        upstream.writeInbound(new DefaultLastHttpContent());

        assertThat(upstream.<Object>readInbound()).as("no head after the failure").isInstanceOf(LastHttpContent.class);
        assertThat(failures).singleElement().isInstanceOfSatisfying(AnswerFailed.class,
                failed -> assertThat(failed.type()).isEqualTo(ProblemType.UPSTREAM_TIMEOUT));
    }

    @Test
    void an_upstream_closing_between_answers_fails_nothing() {
        send(exchanges.open(browser));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), LastHttpContent.EMPTY_LAST_CONTENT);

        upstream.close();

        assertThat(failures).isEmpty();
    }

    @Test
    void an_upstream_connection_closing_ends_its_exchange() {
        send(exchanges.open(browser));

        upstream.close();

        assertThat(exchanges.openCount()).isZero();
    }

    @Test
    void the_exchange_header_stops_at_the_proxy() {
        send(exchanges.open(browser));

        HttpRequest written = upstream.readOutbound();
        assertThat(written.headers().contains(UpstreamExchanges.HEADER)).isFalse();
        assertThat(written.headers().get("Accept")).isEqualTo("text/event-stream");
    }

    @Test
    void a_request_without_the_header_is_written_as_it_is() {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/events");
        upstream.writeOutbound(request);

        assertThat(upstream.<HttpRequest>readOutbound()).isSameAs(request);
    }

    private void send(UpstreamExchanges.Exchange exchange) {
        upstream.writeOutbound(request(exchange));
    }

    private static HttpRequest request(UpstreamExchanges.Exchange exchange) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/events");
        request.headers().set(UpstreamExchanges.HEADER, exchange.id()).set("Accept", "text/event-stream");
        return request;
    }
}
