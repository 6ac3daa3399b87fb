package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.BffFixture.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What crosses the /bff proxy in either direction, against a real upstream that records what it gets and
 * answers with what a careless or hostile API may send (the service's cookies, CORS for everybody,
 * hop-by-hop headers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffForwardingTest {

    private static final String CALLER_ADDRESS = "203.0.113.7";

    private final BffFixture bff = BffFixture.forTestClass();
    private final HttpFixture http = bff.http;
    private BffFixture.Session session;

    @BeforeAll
    void logIn() {
        session = bff.session();
    }

    @Test
    void the_upstream_gets_none_of_the_callers_forwarding_cookie_authorization_or_hop_by_hop_headers() throws IOException {
        String answer = bff.rawGet("/bff/api/profile", String.join("\r\n",
                "Cookie: " + session.cookies(),
                "X-Forwarded-For: 198.51.100.66, " + CALLER_ADDRESS,
                "Forwarded: for=198.51.100.66;host=evil.example;proto=https",
                "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https", "X-FORWARDED-PREFIX: /admin", "X-Real-IP: 198.51.100.66",
                "Authorization: Bearer attacker-chosen",
                "Connection: X-Hop-Secret, close", "X-Hop-Secret: for the next hop only", "Keep-Alive: timeout=5", "TE: trailers",
                "Trailer: X-Checksum", "Proxy-Authorization: Basic c2VjcmV0", "Proxy-Connection: keep-alive",
                "X-Kept: end to end"));
        assertThat(answer).startsWith("HTTP/1.1 200");

        UpstreamStub.Received seen = bff.last();
        assertThat(seen.headers().keySet()).map(String::toLowerCase)
                .doesNotContain("cookie", "forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-prefix", "x-real-ip",
                        "x-hop-secret", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection");
        assertThat(seen.headers().get("X-forwarded-for")).as("one address: the one this service believes")
                .containsExactly(CALLER_ADDRESS);
        assertThat(seen.headers().get("Authorization")).containsExactly("Bearer " + session.access());
        assertThat(seen.header("X-Kept")).isEqualTo("end to end");
    }

    @Test
    void the_browser_gets_neither_the_upstreams_cookies_for_our_names_nor_its_cors_nor_its_hop_by_hop_headers() {
        HttpResponse<String> response = http.send(http.request("/bff/api/profile").header("Cookie", session.cookies())
                .header("Origin", CookieClientTest.ORIGIN).GET());
        assertThat(response.statusCode()).isEqualTo(200);

        assertThat(response.headers().allValues("Set-Cookie")).as("upstream cookies of other names pass")
                .containsExactly("upstream_pref=dark; Path=/");
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).as("ours for the allowed origin, never the upstream's *")
                .containsExactly(CookieClientTest.ORIGIN);
        assertThat(response.headers().allValues("Access-Control-Expose-Headers")).as("ours, never the upstream's Set-Cookie")
                .containsExactly("Retry-After, WWW-Authenticate");
        assertThat(response.headers().map().keySet()).map(String::toLowerCase)
                .doesNotContain("x-private-hop", "keep-alive", "proxy-authenticate", "trailer");
        assertThat(response.headers().firstValue("X-Upstream")).contains("yes");
        assertThat(varied(response)).contains("accept", "origin");
    }

    @Test
    void a_foreign_origin_gets_no_cors_header_at_all() {
        HttpResponse<String> response = http.send(http.request("/bff/api/profile").header("Cookie", session.cookies())
                .header("Origin", "https://evil.example").GET());
        assertThat(response.headers().map().keySet()).map(String::toLowerCase).noneMatch(name -> name.startsWith("access-control-"));
        assertThat(varied(response)).contains("origin");
    }

    @Test
    void every_bff_answer_varies_by_origin() {
        var unauthenticated = http.send(http.request("/bff/api/profile").GET());
        var forbidden = http.send(http.request("/bff/api/orders").header("Cookie", session.cookies()).POST(HttpRequest.BodyPublishers.noBody()));
        var badPath = http.send(http.request("/bff/api/..;/admin").header("Cookie", session.cookies()).GET());
        var loginRefused = http.send(http.request("/bff/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        var loggedIn = bff.login(bff.registered());
        var loggedOut = http.send(csrf(http.request("/bff/logout")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(List.of(unauthenticated, forbidden, badPath, loginRefused, loggedIn, loggedOut))
                .extracting(HttpResponse::statusCode).containsExactly(401, 403, 400, 403, 200, 204);
        assertThat(List.of(unauthenticated, forbidden, badPath, loginRefused, loggedIn, loggedOut))
                .allSatisfy(answer -> assertThat(varied(answer)).contains("origin"));
    }

    private static List<String> varied(HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(name -> name.strip().toLowerCase()).toList();
    }
}
