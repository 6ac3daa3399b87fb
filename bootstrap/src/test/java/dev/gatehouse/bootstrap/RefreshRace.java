package dev.gatehouse.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Fires many refreshes of one token at once, spread over one or more servers, and collects the answers. */
final class RefreshRace {

    private RefreshRace() {
    }

    static List<HttpResponse<String>> run(HttpClient client, List<URI> servers, String refreshToken, int racers) {
        String body = HttpFixture.form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "api"));
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            URI server = servers.get(i % servers.size());
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        return inFlight.stream().map(CompletableFuture::join).toList();
    }
}
