import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Added latency of the /bff proxy: the same GET, sequentially over one keep-alive connection each, through
 * {@code <gatehouse>/bff/api/orders/42} and straight to {@code <upstream>/orders/42}, interleaved so that
 * both see the same machine load. Prints median, p90, p99 and max of both, in microseconds.
 *
 * <p>Usage: {@code java Latency.java <gatehouse base URL> <upstream base URL> <requests> <warm-up requests>}
 */
public class Latency {

    private static final String ORIGIN = "http://localhost:5173";

    public static void main(String[] args) throws Exception {
        String gatehouse = args[0];
        String upstream = args[1];
        int requests = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String cookies = logIn(client, gatehouse);
        HttpRequest proxied = HttpRequest.newBuilder(URI.create(gatehouse + "/bff/api/orders/42")).header("Cookie", cookies).GET().build();
        HttpRequest direct = HttpRequest.newBuilder(URI.create(upstream + "/orders/42")).GET().build();
        for (int i = 0; i < warmUp; i++) {
            time(client, proxied);
            time(client, direct);
        }
        long[] viaProxy = new long[requests];
        long[] straight = new long[requests];
        for (int i = 0; i < requests; i++) {
            viaProxy[i] = time(client, proxied);
            straight[i] = time(client, direct);
        }
        report("via /bff/api", viaProxy);
        report("direct", straight);
        Arrays.sort(viaProxy);
        Arrays.sort(straight);
        System.out.printf("added by the proxy: median %d us, p99 %d us%n",
                percentile(viaProxy, 50) - percentile(straight, 50), percentile(viaProxy, 99) - percentile(straight, 99));
    }

    private static String logIn(HttpClient client, String gatehouse) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "correct horse battery staple";
        send(client, HttpRequest.newBuilder(URI.create(gatehouse + "/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\",\"name\":\"Bench\",\"clientId\":\"api\"}")).build(), 201);
        HttpResponse<String> login = send(client, HttpRequest.newBuilder(URI.create(gatehouse + "/bff/login"))
                .header("Content-Type", "application/json").header("Origin", ORIGIN).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(), 200);
        return login.headers().allValues("Set-Cookie").stream().map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static long time(HttpClient client, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        send(client, request, 200);
        return (System.nanoTime() - start) / 1_000;
    }

    private static void report(String name, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        System.out.printf("%-13s n=%d  median %d us  p90 %d us  p99 %d us  max %d us%n", name, sorted.length,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
