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

/** The /bff proxy when nothing listens at the upstream address (8 s access tokens): 502 problem+json, session untouched. */
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
        server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", "http://127.0.0.1:" + closedPort + "/api",
                "gatehouse.tokens.access-ttl", "8s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void an_unreachable_upstream_is_a_502_problem() {
        String cookies = cookies(login());

        MetricsScrape before = MetricsScrape.of(http);
        HttpResponse<String> response = http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.object(response)).containsEntry("status", 502).containsKeys("type", "title", "detail");
        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_bff_upstream_requests_total"))
                .isEqualTo(Map.of("gatehouse_bff_upstream_requests_total{status=\"error\"}", 1.0));
    }

    /** The refresh before the call spent the browser's refresh token: the 502 must hand over its successor. */
    @Test
    void a_session_refreshed_for_a_call_that_then_fails_gets_its_new_cookies_all_the_same() {
        String spent = BffFixture.cookie(login(), "__Host-gh_bff");

        HttpResponse<String> failed = http.send(http.request("/bff/api/orders").header("Cookie", "__Host-gh_bff=" + spent).GET());

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.headers().firstValue("Cache-Control")).contains("no-store");
        String successor = BffFixture.cookie(failed, "__Host-gh_bff");
        assertThat(successor).isNotEqualTo(spent).isNotEmpty();
        assertThat(BffFixture.cookie(failed, "__Host-gh_access")).isNotEmpty();
        HttpResponse<String> next = http.send(http.request("/bff/api/orders").header("Cookie", "__Host-gh_bff=" + successor).GET());
        assertThat(next.statusCode()).as("the successor is live: the session goes on").isEqualTo(502);
        assertThat(BffFixture.cookie(next, "__Host-gh_bff")).isNotEqualTo(successor).isNotEmpty();
    }

    /**
     * An access token of 8 s is forwarded while it has more than half its life left: with the 30 s margin of
     * longer tokens, every request would rotate the session, and parallel ones would soon look like a reuse.
     */
    @Test
    void a_short_lived_access_token_is_forwarded_without_a_refresh_while_young() {
        HttpResponse<String> response = http.send(http.request("/bff/api/orders").header("Cookie", cookies(login())).GET());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().allValues("Set-Cookie")).as("no refresh: the token has more than 4 s left").isEmpty();
    }

    private HttpResponse<String> login() {
        String email = HttpFixture.anEmail();
        http.register(email);
        return http.send(http.request("/bff/login").header("Content-Type", "application/json")
                .header("Origin", ORIGIN).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
    }

    private static String cookies(HttpResponse<String> login) {
        return String.join("; ", login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
    }
}
