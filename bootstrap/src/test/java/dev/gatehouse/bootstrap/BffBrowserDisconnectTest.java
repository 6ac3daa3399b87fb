package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A browser that goes away in the middle of a proxied answer takes the upstream exchange with it. The upstream
 * here streams without end (one chunk every 100 ms, like server-sent events with a heartbeat), so neither its
 * end nor the read timeout would ever free the connection: each dropped request used to keep one upstream
 * connection, and its file descriptor, for good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffBrowserDisconnectTest {

    private static final int DROPPED = 3;

    private final BlockingQueue<String> requestHeads = new LinkedBlockingQueue<>();
    private final List<Socket> upstreamConnections = new CopyOnWriteArrayList<>();
    private final CountDownLatch upstreamClosed = new CountDownLatch(DROPPED);
    private ServerSocket endlessUpstream;
    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        endlessUpstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::acceptStreams);
        server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", "http://127.0.0.1:" + endlessUpstream.getLocalPort(),
                "gatehouse.bff.read-timeout", "5s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() throws IOException {
        server.close();
        endlessUpstream.close();
        for (Socket connection : upstreamConnections) {
            connection.close();
        }
    }

    @Test
    void the_upstream_connection_closes_when_the_browser_leaves_mid_answer() throws Exception {
        String cookies = http.bffSessionCookies();

        for (int i = 0; i < DROPPED; i++) {
            try (Socket browser = new Socket("127.0.0.1", server.getPort())) {
                browser.setSoTimeout(10_000);
                browser.getOutputStream().write(("GET /bff/api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookies + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readPast(browser.getInputStream(), "\r\n\r\n1\r\n.")).as("the stream's head and first chunk").startsWith("HTTP/1.1 200");
            }
        }

        assertThat(upstreamClosed.await(5, TimeUnit.SECONDS)).as("every upstream connection closed within 5 s of its browser leaving, "
                + "while the upstream kept streaming").isTrue();
        assertThat(requestHeads).hasSize(DROPPED).allSatisfy(head -> assertThat(head.toLowerCase()).contains("get /events")
                .doesNotContain("gatehouse-exchange"));
    }

    @Test
    void a_completed_answer_leaves_the_kept_alive_upstream_connection_open() {
        String cookies = http.bffSessionCookies();
        int before = upstreamConnections.size();

        HttpResponse<String> answer = http.send(http.request("/bff/api/finite").header("Cookie", cookies).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("done");

        assertThat(upstreamConnections).hasSize(before + 1);
        assertThat(upstreamConnections.get(upstreamConnections.size() - 1).isClosed()).isFalse();
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "endless-upstream");
        thread.setDaemon(true);
        thread.start();
    }

    /** Each connection: short answers kept alive, until a request for the stream, answered with chunks until the peer goes. */
    private void acceptStreams() {
        while (!endlessUpstream.isClosed()) {
            try {
                Socket connection = endlessUpstream.accept();
                upstreamConnections.add(connection);
                daemon(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            String head = readPast(in, "\r\n\r\n");
            while (head.startsWith("GET /finite")) {
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone".getBytes(StandardCharsets.ISO_8859_1));
                head = readPast(in, "\r\n\r\n"); // kept alive: the proxy's pool may send the next request here
            }
            if (head.isEmpty()) {
                return;
            }
            requestHeads.add(head);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            while (true) {
                out.write("1\r\n.\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (closedWithin(connection, 100)) {
                    upstreamClosed.countDown();
                    return;
                }
            }
        } catch (IOException gone) {
            upstreamClosed.countDown();
        }
    }

    /** Whether the peer closed the connection (end of stream) within the given time; it sends nothing else. */
    private static boolean closedWithin(Socket connection, int millis) throws IOException {
        connection.setSoTimeout(millis);
        try {
            return connection.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String readPast(InputStream in, String marker) throws IOException {
        var seen = new StringBuilder();
        while (seen.indexOf(marker) < 0) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            seen.append((char) next);
        }
        return seen.toString();
    }
}
