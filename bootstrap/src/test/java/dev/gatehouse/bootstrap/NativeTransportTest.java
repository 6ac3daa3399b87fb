package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import org.junit.jupiter.api.Test;

/**
 * Where Netty's native epoll library loads (the shipped jar carries it for Linux x86-64), the server's
 * event loops run on it, not on NIO's selector (ADR 0007); and the server still answers on it, i.e. the
 * acceptor loop, the worker loops and the server channel agree on the transport.
 */
class NativeTransportTest {

    @Test
    void the_worker_event_loops_use_native_epoll_and_the_server_answers() {
        assumeTrue(Epoll.isAvailable(), "Netty's native epoll is not available on this platform");
        EventLoopGroup workers = GatehouseServer.context().getBean(EventLoopGroup.class);

        assertThat(workers).isInstanceOf(IoEventLoopGroup.class);
        assertThat(((IoEventLoopGroup) workers).isIoType(EpollIoHandler.class)).as("epoll I/O handler").isTrue();
        HttpFixture http = new HttpFixture(GatehouseServer.shared());
        assertThat(http.send(http.request("/health").GET()).statusCode()).isEqualTo(200);
    }
}
