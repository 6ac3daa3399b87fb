package dev.gatehouse.bootstrap;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the API behind the {@code /bff} proxy, on 127.0.0.1 (a real JDK HTTP server on port 0):
 * records every request that reaches it, whatever its path. {@code /slow} answers only when released (to
 * provoke a read timeout), every other path answers 200 with headers the proxy must not pass on.
 */
final class UpstreamStub implements AutoCloseable {

    /** One request as the upstream saw it. */
    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, long bodyBytes) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    UpstreamStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/base";
    }

    List<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bytes = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                bytes += n;
            }
        }
        var uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), bytes));
        if (uri.getRawPath().endsWith("/slow")) {
            awaitRelease();
        }
        byte[] answer = ("{\"bytes\":" + bytes + "}").getBytes(StandardCharsets.UTF_8);
        misbehave(exchange.getResponseHeaders());
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** What a careless or hostile upstream may answer: the service's cookies, CORS for everybody, hop-by-hop headers. */
    private static void misbehave(Headers headers) {
        headers.add("Content-Type", "application/json");
        headers.add("Set-Cookie", "__Host-gh_access=planted; Path=/; Secure");
        headers.add("Set-Cookie", "upstream_pref=dark; Path=/");
        headers.add("Set-Cookie", "__HOST-GH_BFF=planted; Path=/; Secure; HttpOnly");
        headers.add("Set-Cookie", "__host-gh_refresh=planted; Path=/; Secure");
        headers.add("Set-Cookie", "=__Host-gh_access=nameless; Path=/; Secure");
        headers.add("Set-Cookie", "theme=light, __Host-gh_access=folded; Path=/");
        headers.add("Access-Control-Allow-Origin", "*");
        headers.add("Access-Control-Allow-Credentials", "true");
        headers.add("Access-Control-Expose-Headers", "Set-Cookie");
        headers.add("Connection", "X-Private-Hop");
        headers.add("X-Private-Hop", "secret");
        headers.add("Keep-Alive", "timeout=5");
        headers.add("Proxy-Authenticate", "Basic realm=upstream");
        headers.add("Trailer", "X-Checksum");
        headers.add("Vary", "Accept");
        headers.add("X-Upstream", "yes");
    }

    private void awaitRelease() {
        try {
            releaseSlow.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
    }
}
