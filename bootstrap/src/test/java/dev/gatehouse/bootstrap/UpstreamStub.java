package dev.gatehouse.bootstrap;

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
 * A stand-in for the API behind the {@code /bff} proxy, on 127.0.0.1: records what reaches it. Under
 * {@code /base}: {@code /slow} answers only when released (to provoke a read timeout), every other path
 * answers 200 with a few headers the proxy must not pass on.
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
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Set-Cookie", "__Host-gh_access=planted; Path=/; Secure");
        exchange.getResponseHeaders().add("Set-Cookie", "upstream_pref=dark; Path=/");
        exchange.getResponseHeaders().add("Connection", "X-Private-Hop");
        exchange.getResponseHeaders().add("X-Private-Hop", "secret");
        exchange.getResponseHeaders().add("X-Upstream", "yes");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
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
