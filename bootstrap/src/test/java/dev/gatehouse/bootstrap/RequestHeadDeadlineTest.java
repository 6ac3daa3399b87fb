package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slowloris: a connection gets {@code gatehouse.server.request-head-timeout} (2 s here) for its request head,
 * from its opening or from the first byte of a later request; then it is closed. Bodies, the wait for an
 * answer and the idle time between kept-alive requests do not count.
 */
class RequestHeadDeadlineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private static UpstreamStub upstream;
    private static EmbeddedServer server;
    private static HttpFixture http;

    @BeforeAll
    static void start() throws IOException {
        upstream = new UpstreamStub();
        server = GatehouseServer.start(Map.of("gatehouse.server.request-head-timeout", DEADLINE.toSeconds() + "s",
                "gatehouse.bff.upstream-url", upstream.baseUrl(), "gatehouse.bff.read-timeout", "5s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void a_trickled_request_head_is_cut_at_the_deadline_while_other_connections_are_answered() throws IOException {
        try (Socket slowloris = connect()) {
            long start = System.nanoTime();
            write(slowloris, "GET /health HTTP/1.1\r\nHost: x\r\n");
            for (int line = 0; isOpen(slowloris); line++) {
                assertThat(elapsed(start)).as("closed at the deadline").isLessThan(DEADLINE.plusSeconds(3));
                if (line == 0) {
                    assertThat(http.send(http.request("/health").GET()).statusCode()).isEqualTo(200);
                }
                write(slowloris, "X-Trickle-" + line + ": 1\r\n");
            }
            assertThat(elapsed(start)).isGreaterThanOrEqualTo(DEADLINE.minusMillis(100));
        }
    }

    @Test
    void a_connection_that_sends_nothing_is_closed_at_the_deadline() throws IOException {
        try (Socket silent = connect()) {
            long start = System.nanoTime();
            while (isOpen(silent)) {
                assertThat(elapsed(start)).isLessThan(DEADLINE.plusSeconds(3));
            }
        }
    }

    @Test
    void a_kept_alive_connection_may_idle_between_requests_but_must_then_send_its_next_head_in_time() throws IOException {
        try (Socket kept = connect()) {
            write(kept, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(responseHead(kept)).startsWith("HTTP/1.1 200");
            pause(DEADLINE.plusSeconds(1));
            write(kept, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(responseHead(kept)).as("idle longer than the deadline, still open").startsWith("HTTP/1.1 200");

            long start = System.nanoTime();
            write(kept, "GET /health HTTP/1.1\r\n");
            for (int line = 0; isOpen(kept); line++) {
                assertThat(elapsed(start)).isLessThan(DEADLINE.plusSeconds(3));
                write(kept, "X-Trickle-" + line + ": 1\r\n");
            }
        }
    }

    @Test
    void a_slow_upload_with_a_complete_head_is_not_cut() throws IOException {
        BffFixture.Session session = bffSession();
        int bytes = 6;
        try (Socket upload = connect()) {
            write(upload, "POST /bff/api/upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + bytes + "\r\nOrigin: " + CookieClientTest.ORIGIN + "\r\nX-Requested-With: gatehouse\r\n"
                    + "X-Forwarded-For: " + http.clientAddress() + "\r\nCookie: " + session.cookies() + "\r\n\r\n");
            for (int i = 0; i < bytes; i++) { // 3 s, longer than the deadline
                pause(Duration.ofMillis(500));
                write(upload, "x");
            }
            String answer = responseHead(upload);
            assertThat(answer).startsWith("HTTP/1.1 200");
        }
        assertThat(upstream.received().get(upstream.received().size() - 1).bodyBytes()).isEqualTo(bytes);
    }

    @Test
    void a_slow_upstream_answer_is_not_cut() {
        BffFixture.Session session = bffSession();
        HttpResponse<String> slow = http.send(http.request("/bff/api/slow").header("Cookie", session.cookies()).GET());
        assertThat(slow.statusCode()).as("the 5 s read timeout, not a cut connection").isEqualTo(504);
    }

    @Test
    void an_unusable_deadline_stops_the_start_naming_the_key() {
        for (String unusable : new String[] {"0s", "-1s", "ten seconds"}) {
            assertThatThrownBy(() -> GatehouseServer.start(Map.of("gatehouse.server.request-head-timeout", unusable)).close())
                    .as(unusable).hasStackTraceContaining("gatehouse.server.request-head-timeout");
        }
    }

    private static BffFixture.Session bffSession() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> login = http.send(BffFixture.csrf(http.request("/bff/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
        return new BffFixture.Session(BffFixture.cookie(login, "__Host-gh_access"), BffFixture.cookie(login, "__Host-gh_bff"));
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.getPort());
        socket.setSoTimeout(1000);
        return socket;
    }

    private static void write(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        } catch (IOException closedMeanwhile) {
            // the next isOpen sees it
        }
    }

    /** Waits up to a second for the server: false once it closed the connection (nothing is answered here). */
    private static boolean isOpen(Socket socket) {
        try {
            int next = socket.getInputStream().read();
            if (next >= 0) {
                throw new AssertionError("the server answered a request it never got whole");
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (SocketException reset) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers of one response, and its body when it has a Content-Length. */
    private static String responseHead(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int next = in.read();
            if (next < 0) {
                throw new AssertionError("closed instead of answered, after: " + head);
            }
            head.append((char) next);
        }
        Matcher length = CONTENT_LENGTH.matcher(head);
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
        socket.setSoTimeout(1000);
        return head.toString();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
