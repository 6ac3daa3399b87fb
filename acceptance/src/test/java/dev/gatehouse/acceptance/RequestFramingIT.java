package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar refuses requests whose framing cannot be trusted, over a raw socket as a client or an L4 balancer
 * sends them: a malformed chunk (RFC 9112 §7.1) and a {@code Transfer-Encoding} not ending in {@code chunked} (§6.3) get
 * one {@code 400} and the connection is closed, so the request hidden behind them never runs.
 */
class RequestFramingIT extends AgainstTheSharedJar {

    private static final String HIDDEN = "GET /.well-known/oauth-authorization-server?hidden HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    RequestFramingIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void a_malformed_chunk_is_refused_before_the_truncated_form_runs() throws IOException {
        String answer = exchange("POST /auth/token HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: chunked\r\n\r\n"
                + "10\r\ngrant_type=passw\r\nzz\r\nord&client_id=api\r\n0\r\n\r\n" + HIDDEN);

        assertOneRefusal(answer);
        assertThat(answer).contains("\"error\":\"invalid_request\"");
    }

    @Test
    void a_body_under_a_transfer_encoding_not_ending_in_chunked_never_runs_as_the_next_request() throws IOException {
        String answer = exchange("POST /auth/revoke HTTP/1.1\r\nHost: x\r\n" + FORM + "Transfer-Encoding: gzip\r\n\r\n" + HIDDEN);

        assertOneRefusal(answer);
    }

    private static void assertOneRefusal(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("connection: close");
        assertThat(answer).as("the hidden request is never answered").doesNotContain("HTTP/1.1 200").doesNotContain("issuer");
    }

    /** Everything the jar sends for these bytes, until it closes the connection (which it must within 5 s). */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(gatehouse.base().getHost(), gatehouse.base().getPort())) {
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
}
