package dev.gatehouse.acceptance;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A page on another origin (127.0.0.1 is another site than localhost) that tries to use a signed-in browser's
 * Gatehouse session: a cookie refresh and a {@code /bff} call, each shown as {@code blocked}, a status, or
 * {@code LEAKED ...}; {@code #done} reads "done" when both have settled.
 */
final class OtherOriginSite implements AutoCloseable {

    private final String page;
    private final HttpServer server;

    OtherOriginSite(String gatehouse) throws IOException {
        this.page = """
                <!doctype html><html><body>
                <p>refresh: <span id="refresh">…</span></p><p>bff: <span id="bff">…</span></p><p id="done"></p>
                <script>
                const G = '%s';
                const attempt = (id, promise) => promise
                  .then(r => r.ok ? r.text().then(t => 'LEAKED ' + t) : 'status ' + r.status)
                  .catch(() => 'blocked')
                  .then(text => { document.getElementById(id).textContent = text; });
                Promise.all([
                  attempt('refresh', fetch(G + '/auth/token', { method: 'POST', credentials: 'include',
                    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'gatehouse' },
                    body: 'grant_type=refresh_token&client_id=web' })),
                  attempt('bff', fetch(G + '/bff/api/hello', { credentials: 'include' }))
                ]).then(() => { document.getElementById('done').textContent = 'done'; });
                </script></body></html>""".formatted(gatehouse);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/evil.html", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.html";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
