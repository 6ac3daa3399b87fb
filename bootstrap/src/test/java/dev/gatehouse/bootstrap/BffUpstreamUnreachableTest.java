package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The /bff proxy in front of an upstream that drops connection attempts (a host that is down, a firewall): a
 * listening socket whose accept queue is full, so that the kernel drops further SYNs. Each request gets its
 * 502 after one connect timeout (1 s here), however many arrive at once; they used to queue for one connection
 * attempt at a time (the twelfth got its 502 after 12 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffUpstreamUnreachableTest {

    private static final int AT_ONCE = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(5); // 5 connect timeouts

    private final List<SocketChannel> queueFillers = new ArrayList<>();
    private ServerSocket blackHole;
    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        blackHole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 4; i++) {
            SocketChannel filler = SocketChannel.open();
            filler.configureBlocking(false);
            filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), blackHole.getLocalPort()));
            queueFillers.add(filler);
        }
        server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", "http://127.0.0.1:" + blackHole.getLocalPort() + "/api",
                "gatehouse.bff.connect-timeout", "1s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        for (SocketChannel filler : queueFillers) {
            filler.close();
        }
        blackHole.close();
    }

    @Test
    void requests_at_once_each_get_their_502_after_one_connect_timeout() {
        String cookies = http.bffSessionCookies();

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            answers.add(http.client().sendAsync(http.request("/bff/api/orders/" + i).header("Cookie", cookies).timeout(PATIENCE).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode)
                    .exceptionally(failure -> -1));
        }

        assertThat(answers.stream().map(CompletableFuture::join).toList()).as("statuses, -1 for no answer within %s", PATIENCE)
                .hasSize(AT_ONCE).containsOnly(502);
    }
}
