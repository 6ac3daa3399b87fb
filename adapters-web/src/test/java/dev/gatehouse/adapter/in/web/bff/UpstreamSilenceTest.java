package dev.gatehouse.adapter.in.web.bff;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.ReadTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The proxy's read timeout (10 s here) on an embedded upstream connection, on the test's time. */
class UpstreamSilenceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private final List<Throwable> failures = new ArrayList<>();
    private final EmbeddedChannel upstream = new EmbeddedChannel(new UpstreamSilence(TIMEOUT, nanos::get), new ChannelInboundHandlerAdapter() {
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(cause);
        }
    });

    @Test
    void an_upstream_silent_for_the_timeout_fails_the_exchange_and_loses_its_connection() {
        sendRequest();

        pass(Duration.ofSeconds(9));
        assertThat(upstream.isOpen()).isTrue();
        pass(Duration.ofSeconds(1));

        assertThat(failures).containsExactly(ReadTimeoutException.INSTANCE);
        assertThat(upstream.isOpen()).isFalse();
    }

    @Test
    void an_upload_slower_than_the_timeout_is_progress() {
        sendRequest();
        for (int i = 0; i < 10; i++) {
            pass(Duration.ofSeconds(6));
            upstream.writeOutbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[1024])));
        }

        assertThat(failures).isEmpty();
        assertThat(upstream.isOpen()).isTrue();
    }

    @Test
    void while_the_proxy_holds_back_its_reads_for_a_slow_browser_time_does_not_count() {
        sendRequest();
        upstream.config().setAutoRead(false); // as the client does while it streams an answer, reading on demand
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK)); // what the last read brought

        pass(Duration.ofSeconds(60));
        assertThat(failures).as("no read was asked for").isEmpty();

        upstream.read();
        pass(Duration.ofSeconds(9));
        assertThat(upstream.isOpen()).isTrue();
        pass(Duration.ofSeconds(1));
        assertThat(failures).as("a read asked for and nothing came, after the head").singleElement()
                .isInstanceOfSatisfying(AnswerFailed.class, failed -> assertThat(failed.getStatus().getCode()).isEqualTo(504));
    }

    @Test
    void interim_answers_are_progress_and_the_final_one_ends_the_watch() {
        sendRequest();
        pass(Duration.ofSeconds(8));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PROCESSING), LastHttpContent.EMPTY_LAST_CONTENT);
        pass(Duration.ofSeconds(8));
        upstream.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK), LastHttpContent.EMPTY_LAST_CONTENT);

        pass(Duration.ofMinutes(5));

        assertThat(failures).isEmpty();
        assertThat(upstream.isOpen()).as("kept alive for the pool").isTrue();
    }

    private void sendRequest() {
        upstream.writeOutbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/upload"));
    }

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
        upstream.advanceTimeBy(time.toNanos(), TimeUnit.NANOSECONDS);
        upstream.runScheduledPendingTasks();
    }
}
