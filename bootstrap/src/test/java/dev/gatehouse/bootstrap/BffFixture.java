package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.CookieClientTest.ORIGIN;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * One service with the {@code /bff} proxy in front of an {@link UpstreamStub}, shared by the proxy tests of
 * a test JVM; each test class gets its own client address (sign-ins are throttled per address).
 */
final class BffFixture {

    private static UpstreamStub upstream;
    private static EmbeddedServer server;

    final HttpFixture http;

    private BffFixture() {
        this.http = new HttpFixture(server);
    }

    /** A /bff session's two cookies, as the browser would send them back. */
    record Session(String access, String refresh) {
        String cookies() {
            return "__Host-gh_access=" + access + "; __Host-gh_bff=" + refresh;
        }
    }

    static synchronized BffFixture forTestClass() {
        if (server == null) {
            try {
                upstream = new UpstreamStub();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", upstream.baseUrl(), "gatehouse.bff.read-timeout", "5s"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                upstream.close();
            }));
        }
        return new BffFixture();
    }

    UpstreamStub upstream() {
        return upstream;
    }

    EmbeddedServer server() {
        return server;
    }

    UpstreamStub.Received last() {
        return upstream.received().get(upstream.received().size() - 1);
    }

    /** A fresh account, logged in through /bff. */
    Session session() {
        HttpResponse<String> login = login(registered());
        return new Session(cookie(login, "__Host-gh_access"), cookie(login, "__Host-gh_bff"));
    }

    String registered() {
        String email = HttpFixture.anEmail();
        http.register(email);
        return email;
    }

    HttpResponse<String> login(String email) {
        return http.send(csrf(http.request("/bff/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
    }

    HttpResponse<String> get(String path, Session session) {
        return http.send(http.request(path).header("Cookie", session.cookies()).GET());
    }

    /**
     * A GET written by hand, for what the JDK client refuses to send ({@code Connection} and friends,
     * malformed escapes); answers the status line and headers of the response.
     */
    String rawGet(String path, String headerLines) {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headerLines + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            var in = socket.getInputStream();
            var head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                head.append((char) next);
            }
            return head.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest.Builder csrf(HttpRequest.Builder request) {
        return request.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse");
    }

    static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(CookieClientTest::cookieValue).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    /** The claims of a JWT, as JSON text (no verification: the tests only look). */
    static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
