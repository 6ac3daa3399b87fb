package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * The /bff proxy in front of an upstream written by hand on raw sockets, for what frameworks do not send: an answer
 * that never ends, interim answers, bodies that take longer than the read timeout (5 s here) to pass.
 *
 * <p>A browser that goes away in the middle of an endless answer (one chunk every 100 ms, like server-sent events
 * with a heartbeat) takes the upstream exchange with it: neither the answer's end nor the read timeout would ever
 * free the connection, and each dropped request used to keep one upstream connection, and its file descriptor, for
 * good.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffStreamingTest {

    private static final int DROPPED = 3;
    private static final int DOWNLOAD = 32 * 1024 * 1024;
    private static final String OPEN_EXCHANGES = "gatehouse_bff_exchanges_open";

    private final BlockingQueue<String> requestHeads = new LinkedBlockingQueue<>();
    private final List<Socket> upstreamConnections = new CopyOnWriteArrayList<>();
    private final CountDownLatch upstreamClosed = new CountDownLatch(DROPPED);
    private final List<Socket> closedByProxy = new CopyOnWriteArrayList<>();
    private final CountDownLatch quietlyLeft = new CountDownLatch(2);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final AtomicReference<Socket> finiteServedOn = new AtomicReference<>();
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
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterAll
    void stop() throws IOException {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
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
                assertThat(MetricsScrape.of(http).samples()).as("while it streams").containsEntry(OPEN_EXCHANGES, 1.0);
            }
        }

        assertThat(upstreamClosed.await(5, TimeUnit.SECONDS)).as("every upstream connection closed within 5 s of its browser leaving, "
                + "while the upstream kept streaming").isTrue();
        assertThat(MetricsScrape.of(http).samples()).containsEntry(OPEN_EXCHANGES, 0.0);
        assertThat(requestHeads).hasSize(DROPPED).allSatisfy(head -> assertThat(head.toLowerCase()).contains("get /events")
                .doesNotContain("gatehouse-exchange"));
    }

    /**
     * A browser that leaves before the upstream's head, or after it and before any of the body (the proxy holds the
     * head until the first bytes): the upstream connection closes, both requests are counted as abandoned, not as
     * upstream errors, and nothing is logged as an error (each such leave logged an ERROR with its stack).
     */
    @Test
    void a_browser_leaving_before_any_of_the_answer_is_no_upstream_failure() throws Exception {
        String cookies = http.bffSessionCookies();
        MetricsScrape before = MetricsScrape.of(http);
        int logged = logs.list.size(); // other tests' upstreams do fail

        for (String path : List.of("/bff/api/no-answer", "/bff/api/head-only")) {
            try (Socket browser = new Socket("127.0.0.1", server.getPort())) {
                browser.getOutputStream().write(ascii("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookies + "\r\n\r\n"));
                Thread.sleep(500); // the request reaches the upstream (and its head the proxy), then the browser leaves
            }
        }

        assertThat(quietlyLeft.await(5, TimeUnit.SECONDS)).as("both upstream connections closed").isTrue();
        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_bff_upstream_requests_total"))
                .containsEntry("gatehouse_bff_upstream_requests_total{status=\"abandoned\"}", 2.0)
                .doesNotContainKey("gatehouse_bff_upstream_requests_total{status=\"error\"}");
        List<ILoggingEvent> events = List.copyOf(logs.list);
        assertThat(events.subList(logged, events.size())).as("errors and upstream failures logged").noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)
                || event.getFormattedMessage().contains("bff upstream failed"));
    }

    /** The proxy holds the head until the first body bytes, so a failure before them still decides the answer. */
    @Test
    void an_upstream_that_closes_after_its_head_and_before_its_body_is_a_bad_gateway() {
        String cookies = http.bffSessionCookies();

        HttpResponse<String> answer = http.send(http.request("/bff/api/head-then-close").header("Cookie", cookies).GET());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(answer.body()).contains("urn:gatehouse:problem:bad-gateway");
        assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
    }

    /**
     * A session renewed for the request keeps its successor when the answer fails before its first bytes: without it
     * the browser would present its spent refresh token next, past the reuse grace, and lose the session as a theft.
     * The cross-origin caller can read the failure too.
     */
    @Test
    void a_failure_before_the_first_bytes_still_sets_the_renewed_session_and_the_cors_headers() {
        String stale = http.bffSessionCookies().replaceFirst("__Host-gh_access=[^;]*", "__Host-gh_access=expired.or.garbage");

        HttpResponse<String> answer = http.send(http.request("/bff/api/head-then-close").header("Cookie", stale)
                .header("Origin", CookieClientTest.ORIGIN).GET());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        assertThat(answer.headers().allValues("Set-Cookie")).as("the renewed session")
                .anyMatch(cookie -> cookie.startsWith("__Host-gh_bff=") && !stale.contains(cookie.substring(0, cookie.indexOf(';'))))
                .anyMatch(cookie -> cookie.startsWith("__Host-gh_access="));
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains(CookieClientTest.ORIGIN);
        assertThat(answer.headers().firstValue("Content-Type")).as("the proxy's problem, not the upstream's text/plain")
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void a_completed_answer_leaves_the_kept_alive_upstream_connection_open() throws InterruptedException {
        String cookies = http.bffSessionCookies();

        HttpResponse<String> answer = http.send(http.request("/bff/api/finite").header("Cookie", cookies).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("done");

        for (int i = 0; i < 10; i++) {
            Thread.sleep(100); // a pool that closed the connection would have done so at once
            assertThat(closedByProxy).as("the connection that served the answer, closed by the proxy").doesNotContain(finiteServedOn.get());
        }
    }

    /**
     * A 304 or 204 has no body (RFC 9110 §15.3.5, §15.4.5), and the proxy frames it as one: no
     * {@code Transfer-Encoding} (a 304 marked chunked kept Python's http.client waiting for a body) and no
     * {@code Content-Length}. The next answer on the same browser connection follows right after its head.
     */
    @Test
    void answers_without_a_body_go_to_the_browser_without_framing_for_one() throws IOException {
        String cookies = http.bffSessionCookies();

        try (Socket browser = new Socket("127.0.0.1", server.getPort())) {
            browser.setSoTimeout(10_000);
            for (String path : List.of("/bff/api/not-modified", "/bff/api/no-content", "/bff/api/finite")) {
                browser.getOutputStream().write(ascii("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookies + "\r\n\r\n"));
            }
            InputStream in = browser.getInputStream();
            String notModified = readPast(in, "\r\n\r\n");
            String noContent = readPast(in, "\r\n\r\n");
            String finite = readPast(in, "\r\n\r\n");

            assertThat(notModified).startsWith("HTTP/1.1 304").containsIgnoringCase("etag: \"v1\"");
            assertThat(noContent).startsWith("HTTP/1.1 204");
            assertThat(List.of(notModified.toLowerCase(), noContent.toLowerCase())).allSatisfy(head ->
                    assertThat(head).doesNotContain("transfer-encoding").doesNotContain("content-length"));
            assertThat(finite).as("the next answer, right after the bodiless ones").startsWith("HTTP/1.1 200");
            assertThat(readPast(in, "\r\n0\r\n\r\n")).as("its body, re-chunked").isEqualTo("4\r\ndone\r\n0\r\n\r\n");
        }
    }

    @Test
    void interim_answers_are_passed_over_and_the_final_answer_arrives() {
        String cookies = http.bffSessionCookies();

        HttpResponse<String> answer = http.send(http.request("/bff/api/early-hints").header("Cookie", cookies).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("final");
    }

    /** The upstream answers once it has the body; sending it takes longer than the read timeout, and is no silence. */
    @Test
    void an_upload_slower_than_the_read_timeout_arrives_whole() throws Exception {
        String cookies = http.bffSessionCookies();
        int chunks = 8;
        byte[] chunk = new byte[1024];

        try (Socket browser = new Socket("127.0.0.1", server.getPort())) {
            browser.setSoTimeout(20_000);
            OutputStream out = browser.getOutputStream();
            out.write(ascii("POST /bff/api/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookies + "\r\nOrigin: " + CookieClientTest.ORIGIN
                    + "\r\nX-Requested-With: gatehouse\r\nContent-Type: application/octet-stream\r\nContent-Length: " + chunks * chunk.length
                    + "\r\n\r\n"));
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                out.flush();
                Thread.sleep(900); // 8 chunks over 7.2 s, against a read timeout of 5 s
            }
            String answer = readPast(browser.getInputStream(), "\r\n0\r\n\r\n"); // the proxy sends it chunked
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\r\n" + chunks * chunk.length + "\r\n");
        }
    }

    /** A browser that reads slowly makes the proxy hold back its reads; the upstream waiting meanwhile is no silence. */
    @Test
    void a_download_paused_longer_than_the_read_timeout_arrives_whole() throws Exception {
        String cookies = http.bffSessionCookies();

        try (Socket browser = new Socket()) {
            browser.setReceiveBufferSize(16 * 1024);
            browser.connect(new InetSocketAddress("127.0.0.1", server.getPort()));
            browser.setSoTimeout(20_000);
            browser.getOutputStream().write(ascii("GET /bff/api/download HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + cookies
                    + "\r\n\r\n"));
            InputStream in = browser.getInputStream();
            String head = readPast(in, "\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200");
            byte[] first = in.readNBytes(64 * 1024);
            Thread.sleep(6_000); // the reader pauses past the read timeout of 5 s, the 32 MiB answer far from through
            assertThat(bodyLength(head, first, rest(in))).isEqualTo(DOWNLOAD);
        }
    }

    /** The rest of a chunked answer, to its last chunk (the body is zero bytes, so no chunk holds that text). */
    private static byte[] rest(InputStream in) throws IOException {
        var received = new java.io.ByteArrayOutputStream();
        byte[] block = new byte[64 * 1024];
        String tail = "";
        try {
            while (!tail.endsWith("\r\n0\r\n\r\n")) {
                int read = in.read(block);
                if (read < 0) {
                    break;
                }
                received.write(block, 0, read);
                tail = tail + new String(block, Math.max(0, read - 16), Math.min(read, 16), StandardCharsets.ISO_8859_1);
                tail = tail.substring(Math.max(0, tail.length() - 16));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the answer stopped after " + received.size() + " more bytes", e);
        }
        return received.toByteArray();
    }

    /** The length of a body read in two parts: as sent, or, chunked, the sum of its chunks. */
    private static long bodyLength(String head, byte[] first, byte[] rest) {
        byte[] body = new byte[first.length + rest.length];
        System.arraycopy(first, 0, body, 0, first.length);
        System.arraycopy(rest, 0, body, first.length, rest.length);
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return body.length;
        }
        long total = 0;
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(body, at);
            int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                return total;
            }
            total += size;
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new AssertionError("a chunk line without its end at " + from);
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "endless-upstream");
        thread.setDaemon(true);
        thread.start();
    }

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
            for (String head = readPast(in, "\r\n\r\n"); !head.isEmpty(); head = readPast(in, "\r\n\r\n")) {
                if (head.startsWith("GET /events")) {
                    requestHeads.add(head);
                    stream(connection, out);
                    return;
                }
                if (head.startsWith("GET /no-answer") || head.startsWith("GET /head-only")) {
                    if (head.startsWith("GET /head-only")) {
                        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
                        out.flush();
                    }
                    if (in.read() < 0) { // sends nothing more, until the proxy closes the connection
                        quietlyLeft.countDown();
                    }
                    return;
                }
                if (head.startsWith("GET /head-then-close")) {
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"));
                    return;
                }
                answer(head, in, out, connection);
            }
            closedByProxy.add(connection);
        } catch (IOException gone) {
            upstreamClosed.countDown();
        }
    }

    /** The short answers, on a connection kept alive: the proxy's pool may send the next request here. */
    private void answer(String head, InputStream in, OutputStream out, Socket connection) throws IOException {
        if (head.startsWith("GET /finite")) {
            finiteServedOn.set(connection);
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone"));
        } else if (head.startsWith("GET /not-modified")) {
            out.write(ascii("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n"));
        } else if (head.startsWith("GET /no-content")) {
            out.write(ascii("HTTP/1.1 204 No Content\r\n\r\n"));
        } else if (head.startsWith("GET /early-hints")) {
            out.write(ascii("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                    + "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfinal"));
        } else if (head.startsWith("POST /upload")) {
            String received = Long.toString(requestBodyLength(in, head));
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Length: " + received.length() + "\r\n\r\n" + received));
        } else if (head.startsWith("GET /download")) {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + DOWNLOAD + "\r\n\r\n"));
            byte[] block = new byte[64 * 1024];
            for (int sent = 0; sent < DOWNLOAD; sent += block.length) {
                out.write(block); // blocks while the proxy holds back its reads
            }
        } else {
            out.write(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        }
        out.flush();
    }

    /** Reads the request's body, as the proxy sent it (with a Content-Length, or chunked), and answers its length. */
    private static long requestBodyLength(InputStream in, String head) throws IOException {
        var length = java.util.regex.Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return in.readNBytes(Integer.parseInt(length.group(1))).length;
        }
        long total = 0;
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            total += in.readNBytes(size).length;
            readPast(in, "\r\n");
        }
        readPast(in, "\r\n"); // the empty trailer
        return total;
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(readPast(in, "\r\n").trim(), 16);
    }

    /** Chunks until the peer goes. */
    private void stream(Socket connection, OutputStream out) throws IOException {
        out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
        while (true) {
            out.write(ascii("1\r\n.\r\n"));
            out.flush();
            if (closedWithin(connection, 100)) {
                upstreamClosed.countDown();
                return;
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
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
