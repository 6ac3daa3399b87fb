import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The API behind the proxy for the latency benchmark: 200 and a small JSON body for every GET, at once.
 * Run with {@code -Dsun.net.httpserver.nodelay=true}: without TCP_NODELAY, the JDK server's separate writes
 * of headers and body meet the client's delayed ACK and most answers take 40 ms.
 */
public class Upstream {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        byte[] body = "{\"id\":42,\"status\":\"open\"}\n".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
