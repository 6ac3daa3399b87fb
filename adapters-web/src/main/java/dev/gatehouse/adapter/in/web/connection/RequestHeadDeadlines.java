package dev.gatehouse.adapter.in.web.connection;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Gives every HTTP/1.1 connection of the server a {@link RequestHeadDeadline} of
 * {@code gatehouse.server.request-head-timeout} (default 10 s), checked when the server is created: a value
 * that is no positive duration stops the start naming the key. Without it a client could hold any number of
 * connections open by sending a head a line at a time (slowloris), until the process runs out of file
 * descriptors. Each connection also gets a {@link MalformedRequestGuard}, which refuses requests of untrustworthy
 * framing before the framework sees them.
 */
@Singleton
final class RequestHeadDeadlines implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String KEY = "gatehouse.server.request-head-timeout";

    private final Duration timeout;
    private final Refusal refusal;

    RequestHeadDeadlines(@Value("${" + KEY + ":10s}") Duration timeout, Refusal refusal) {
        this.timeout = positive(timeout);
        this.refusal = refusal;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new OnConnection(channel, timeout, refusal) : this;
            }
        });
        return event.getBean();
    }

    /** One connection: once its pipeline stands, an HTTP/1.1 pipeline (it has the codec) gets the deadline and the guard. */
    private record OnConnection(Channel channel, Duration timeout, Refusal refusal) implements NettyServerCustomizer {

        @Override
        public void onStreamPipelineBuilt() {
            var pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(RequestHeadDeadline.BYTES) == null) {
                RequestHeadDeadline.install(pipeline, timeout);
                pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, MalformedRequestGuard.NAME,
                        new MalformedRequestGuard(refusal));
            }
        }
    }

    private static Duration positive(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException(KEY + " must be a positive duration (such as 10s), not " + timeout);
        }
        return timeout;
    }
}
