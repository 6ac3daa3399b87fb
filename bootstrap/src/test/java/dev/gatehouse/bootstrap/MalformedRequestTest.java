package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose framing or head cannot be trusted are refused before anything runs, and their connection is
 * closed: a malformed chunked body (RFC 9112 §7.1), a {@code Transfer-Encoding} not ending in {@code chunked}
 * (§6.3), a missing, repeated or invalid {@code Host} (§3.2), all {@code 400}; a method spelled in another case
 * than its token (RFC 9110 §9.1), {@code 501}. A request pipelined behind one of them is never answered.
 */
class MalformedRequestTest {

    private static final String HIDDEN = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    private final BffFixture bff = BffFixture.forTestClass();

    @ParameterizedTest(name = "chunk size line {0}")
    @ValueSource(strings = {"zz", "0x7", "-7", "+7", "fffffffffffffffffff"})
    void a_malformed_chunk_size_at_the_token_endpoint_is_an_invalid_request(String sizeLine) throws IOException {
        String answer = exchange("POST /auth/token HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: chunked\r\n\r\n"
                + "10\r\ngrant_type=passw\r\n" + sizeLine + "\r\nord&client_id=api\r\n0\r\n\r\n" + HIDDEN);

        assertOneRefusal(answer, 400, "application/json");
        assertThat(answer).contains("\"error\":\"invalid_request\"").contains("\"status\":400");
    }

    @Test
    void chunk_data_not_followed_by_crlf_is_an_invalid_request() throws IOException {
        String answer = exchange("POST /auth/revoke HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: chunked\r\n\r\n"
                + "7\r\ntoken=xAB\r\n0\r\n\r\n" + HIDDEN);

        assertOneRefusal(answer, 400, "application/json");
    }

    @Test
    void a_malformed_chunk_through_the_proxy_reaches_no_upstream() throws IOException {
        BffFixture.Session session = bff.session();
        int before = bff.upstream().received().size();

        String answer = exchange("POST /bff/api/transfer HTTP/1.1\r\nHost: x\r\nCookie: " + session.cookies() + "\r\n"
                + "Origin: " + CookieClientTest.ORIGIN + "\r\nX-Requested-With: gatehouse\r\n" + FORM
                + "Transfer-Encoding: chunked\r\n\r\n10\r\namount=10&to=bob\r\nzz\r\n00&to=alice\r\n0\r\n\r\n"
                + "GET /bff/api/hidden HTTP/1.1\r\nHost: x\r\nCookie: " + session.cookies() + "\r\n\r\n");

        assertOneRefusal(answer, 400, "application/problem+json");
        assertThat(answer).contains("urn:gatehouse:problem:malformed-request");
        pause();
        assertThat(bff.upstream().received()).hasSize(before);
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip", "identity", "xchunked", "chunked;q=1", "chunked, gzip"})
    void a_transfer_encoding_that_does_not_end_in_chunked_is_refused_and_its_body_never_runs(String codings) throws IOException {
        String answer = exchange("POST /auth/revoke HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: " + codings + "\r\n\r\n"
                + HIDDEN);

        assertOneRefusal(answer, 400, "application/json");
    }

    @Test
    void a_transfer_encoding_that_ends_in_chunked_is_read() throws IOException {
        String answer = exchange("POST /auth/revoke HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: identity, chunked\r\n"
                + "Connection: close\r\n\r\n7\r\ntoken=x\r\n0\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 401").contains("invalid_client");
    }

    @ParameterizedTest(name = "host lines [{0}]")
    @ValueSource(strings = {"", "Host: a\r\nHost: b\r\n", "Host: a b/c@d\r\n", "Host: a:80x\r\n"})
    void an_http_1_1_request_without_exactly_one_valid_host_is_refused(String hostLines) throws IOException {
        String answer = exchange("GET /health HTTP/1.1\r\n" + hostLines + "\r\n" + HIDDEN);

        assertOneRefusal(answer, 400, "application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Host: gatehouse.example:8443\r\n", "Host: [::1]:80\r\n", "Host: 127.0.0.1\r\n", "Host:\r\n"})
    void a_valid_host_is_served(String hostLine) throws IOException {
        assertThat(exchange("GET /health HTTP/1.1\r\n" + hostLine + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"get /health", "Get /health", "post /auth/token", "delete /auth/sessions/x"})
    void a_method_in_another_case_than_its_token_is_not_implemented(String requestLine) throws IOException {
        String answer = exchange(requestLine + " HTTP/1.1\r\nHost: x\r\n" + FORM + "Content-Length: 0\r\n\r\n" + HIDDEN);

        assertOneRefusal(answer, 501, requestLine.contains("/auth/token") ? "application/json" : "application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"TRACE", "CONNECT"})
    void trace_and_connect_are_not_forwarded_to_the_upstream(String method) throws IOException {
        BffFixture.Session session = bff.session();
        int before = bff.upstream().received().size();

        String answer = exchange(method + " /bff/api/echo HTTP/1.1\r\nHost: x\r\nCookie: " + session.cookies() + "\r\n"
                + "Origin: " + CookieClientTest.ORIGIN + "\r\nX-Requested-With: gatehouse\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 405").containsIgnoringCase("allow: ").contains("method-not-allowed");
        assertThat(bff.upstream().received()).hasSize(before);
    }

    /** One answer of this status and media type, then the server closed the connection. */
    private static void assertOneRefusal(String answer, int status, String mediaType) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ").containsIgnoringCase("content-type: " + mediaType)
                .containsIgnoringCase("connection: close").contains("\"status\":" + status);
        assertThat(answer.split("HTTP/1\\.1 ", -1)).as("the hidden request is never answered: " + answer).hasSize(2);
    }

    /** Everything the server sends for these bytes, until it closes the connection (which it must within 5 s). */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", bff.server().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                in.transferTo(received);
            } catch (SocketTimeoutException stillOpen) {
                throw new AssertionError("the connection stayed open after: " + received.toString(StandardCharsets.UTF_8));
            } catch (SocketException reset) {
                // closed while the request's rest was unread: what came before is the answer
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    /** Time for a forwarded request to reach the upstream, had it been forwarded. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
