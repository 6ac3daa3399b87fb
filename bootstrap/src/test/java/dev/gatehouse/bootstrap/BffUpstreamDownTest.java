package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.CookieClientTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The /bff proxy when nothing listens at the upstream address: 502 problem+json, session untouched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffUpstreamDownTest {

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", "http://127.0.0.1:" + closedPort + "/api"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void an_unreachable_upstream_is_a_502_problem() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> login = http.send(http.request("/bff/login").header("Content-Type", "application/json")
                .header("Origin", ORIGIN).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
        String cookies = String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());

        MetricsScrape before = MetricsScrape.of(http);
        HttpResponse<String> response = http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.object(response)).containsEntry("status", 502).containsKeys("type", "title", "detail");
        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_bff_upstream_requests_total"))
                .isEqualTo(Map.of("gatehouse_bff_upstream_requests_total{status=\"error\"}", 1.0));
    }
}
