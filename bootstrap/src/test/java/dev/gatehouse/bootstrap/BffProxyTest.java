package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.BffFixture.claims;
import static dev.gatehouse.bootstrap.BffFixture.cookie;
import static dev.gatehouse.bootstrap.BffFixture.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The backend-for-frontend proxy: cookies in, bearer out, never a token in the browser. */
class BffProxyTest {

    private static final String UPSTREAM_ERRORS = "gatehouse_bff_upstream_requests_total{status=\"error\"}";

    private final BffFixture bff = BffFixture.forTestClass();
    private final HttpFixture http = bff.http;

    @Test
    void login_sets_two_httponly_cookies_of_the_proxy_client_and_answers_no_token() {
        HttpResponse<String> login = bff.login(bff.registered());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(http.object(login)).containsEntry("loggedIn", true).containsKey("user").doesNotContainKeys("access_token", "refresh_token");
        assertThat(login.body()).doesNotContain("eyJ");
        assertThat(login.headers().allValues("Set-Cookie")).hasSize(2)
                .anyMatch(cookie -> cookie.startsWith("__Host-gh_access=")).anyMatch(cookie -> cookie.startsWith("__Host-gh_bff="))
                .allSatisfy(cookie -> assertThat(cookie)
                        .contains("; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=").doesNotContainIgnoringCase("domain"));
        assertThat(claims(cookie(login, "__Host-gh_access"))).contains("\"client_id\":\"bff\"");
    }

    @Test
    void a_call_reaches_the_upstream_with_a_bearer_token_and_without_the_cookies() {
        BffFixture.Session session = bff.session();
        HttpResponse<String> response = http.send(http.request("/bff/api/orders/42?expand=items&x=%20y").header("Cookie", session.cookies())
                .header("Authorization", "Bearer attacker-chosen").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        UpstreamStub.Received seen = bff.last();
        assertThat(seen.rawPath()).isEqualTo("/base/orders/42");
        assertThat(seen.rawQuery()).isEqualTo("expand=items&x=%20y");
        assertThat(seen.header("Cookie")).isNull();
        assertThat(seen.headers().get("Authorization")).containsExactly("Bearer " + session.access());
        assertThat(response.headers().firstValue("X-Upstream")).contains("yes");
        assertThat(response.headers().allValues("Set-Cookie")).as("a fresh access token: no renewal").containsExactly("upstream_pref=dark; Path=/");
    }

    @Test
    void a_token_of_another_client_in_the_access_cookie_is_not_forwarded() {
        String email = bff.registered();
        String planted = (String) http.object(http.signIn(email, HttpFixture.PASSWORD)).get("access_token");
        BffFixture.Session session = bff.session();
        HttpResponse<String> response = http.send(http.request("/bff/api/orders")
                .header("Cookie", new BffFixture.Session(planted, session.refresh()).cookies()).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        String forwarded = bff.last().headers().get("Authorization").get(0).substring("Bearer ".length());
        assertThat(forwarded).isNotEqualTo(planted);
        assertThat(claims(forwarded)).contains("\"client_id\":\"bff\"");
        assertThat(cookie(response, "__Host-gh_access")).isEqualTo(forwarded);
    }

    @Test
    void without_a_session_nothing_reaches_the_upstream() {
        int before = bff.upstream().received().size();
        HttpResponse<String> withoutCookies = http.send(http.request("/bff/api/orders").GET());
        assertThat(withoutCookies.statusCode()).isEqualTo(401);
        assertThat(withoutCookies.headers().allValues("Set-Cookie"))
                .as("a cross-site link sends no SameSite=Strict cookie; clearing them would sign the user out").isEmpty();
        HttpResponse<String> forged = http.send(http.request("/bff/api/orders").header("Cookie", "__Host-gh_access=forged; __Host-gh_bff=forged")
                .GET());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
        assertThat(bff.upstream().received()).hasSize(before);
    }

    @Test
    void unsafe_methods_need_the_csrf_proof_of_the_proxy_client() {
        String cookies = bff.session().cookies();
        int before = bff.upstream().received().size();
        var post = http.request("/bff/api/orders").header("Cookie", cookies).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(http.send(post).statusCode()).isEqualTo(403);
        assertThat(bff.upstream().received()).hasSize(before);
        assertThat(http.send(csrf(post)).statusCode()).isEqualTo(200);
        assertThat(bff.last().method()).isEqualTo("POST");
    }

    @Test
    void logout_ends_the_session_and_its_cookies_no_longer_open_the_proxy() {
        String cookies = bff.session().cookies();
        HttpResponse<String> logout = http.send(csrf(http.request("/bff/logout")).header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(c -> assertThat(c).contains("Max-Age=0"))
                .anyMatch(c -> c.startsWith("__Host-gh_bff="));
        int before = bff.upstream().received().size();
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET()).statusCode()).isEqualTo(401);
        assertThat(bff.upstream().received()).hasSize(before);
    }

    /** browser-apps.md: the page's own headers go to the upstream as sent, so a cross-origin page may send them. */
    @Test
    void the_proxy_preflight_allows_the_page_s_own_headers_and_nothing_but_header_names() {
        HttpResponse<String> proxied = http.send(preflight("/bff/api/orders", "x-tenant, X-Trace-Id, not a name"));
        assertThat(proxied.statusCode()).isEqualTo(204);
        assertThat(proxied.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(allowed -> assertThat(allowed)
                .contains("x-tenant", "X-Trace-Id", "X-Requested-With").doesNotContain("not a name"));
        assertThat(http.send(preflight("/auth/token", "x-tenant")).headers().firstValue("Access-Control-Allow-Headers"))
                .hasValueSatisfying(allowed -> assertThat(allowed).doesNotContain("x-tenant"));
    }

    private HttpRequest.Builder preflight(String path, String headers) {
        return http.request(path).header("Origin", CookieClientTest.ORIGIN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    @Test
    void a_slow_upstream_is_a_504() {
        assertThat(bff.get("/bff/api/slow", bff.session()).statusCode()).isEqualTo(504);
    }

    @Test
    void a_large_upload_streams_through() {
        var body = HttpRequest.BodyPublishers.ofByteArray(new byte[50 * 1024 * 1024]);
        HttpResponse<String> response = http.send(csrf(http.request("/bff/api/upload")).header("Cookie", bff.session().cookies())
                .header("Content-Type", "application/octet-stream").PUT(body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(bff.last().bodyBytes()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void an_upload_over_the_request_size_limit_is_a_413_not_an_upstream_failure() {
        var body = HttpRequest.BodyPublishers.ofByteArray(new byte[100 * 1024 * 1024 + 1]);
        String cookies = bff.session().cookies();
        MetricsScrape before = MetricsScrape.of(http);
        HttpResponse<String> response = http.send(csrf(http.request("/bff/api/upload")).header("Cookie", cookies)
                .header("Content-Type", "application/octet-stream").PUT(body));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(http.object(response)).containsEntry("status", 413).containsEntry("type", "urn:gatehouse:problem:payload-too-large");
        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_bff_upstream_requests_total")).doesNotContainKey(UPSTREAM_ERRORS);
    }

    @Test
    void a_compressed_upload_that_inflates_over_the_request_size_limit_is_a_413_not_an_upstream_failure() throws IOException {
        String cookies = bff.session().cookies();
        MetricsScrape before = MetricsScrape.of(http);
        HttpResponse<String> response = http.send(csrf(http.request("/bff/api/upload")).header("Cookie", cookies)
                .header("Content-Type", "application/octet-stream").header("Content-Encoding", "gzip")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(gzippedZeros(101))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(http.object(response)).containsEntry("status", 413).containsEntry("type", "urn:gatehouse:problem:payload-too-large");
        assertThat(MetricsScrape.of(http).changedSince(before, "gatehouse_bff_upstream_requests_total")).doesNotContainKey(UPSTREAM_ERRORS);
    }

    @Test
    void each_forwarded_request_is_counted_by_status_class_and_timed() {
        String cookies = bff.session().cookies();
        MetricsScrape before = MetricsScrape.of(http);
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET()).statusCode()).isEqualTo(200);
        MetricsScrape after = MetricsScrape.of(http);
        assertThat(after.changedSince(before, "gatehouse_bff_upstream_requests_total"))
                .isEqualTo(Map.of("gatehouse_bff_upstream_requests_total{status=\"2xx\"}", 1.0));
        assertThat(after.changedSince(before, "gatehouse_bff_upstream_duration_seconds_count"))
                .isEqualTo(Map.of("gatehouse_bff_upstream_duration_seconds_count", 1.0));
        assertThat(after.samples()).containsKey("gatehouse_bff_upstream_duration_seconds_bucket{le=\"0.1\"}");
    }

    @Test
    void proxied_requests_and_their_refusals_are_in_the_http_server_metrics_by_route_template() {
        String cookies = bff.session().cookies();
        MetricsScrape before = MetricsScrape.of(http);
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET()).statusCode()).isEqualTo(200);
        assertThat(http.send(http.request("/bff/api/orders").GET()).statusCode()).isEqualTo(401);
        MetricsScrape after = MetricsScrape.of(http);
        assertThat(after.changedSince(before, "http_server_requests_seconds_count")).hasEntrySatisfying(
                "http_server_requests_seconds_count{exception=\"none\",method=\"GET\",status=\"200\",uri=\"/bff/api/{path}\"}",
                count -> assertThat(count).isEqualTo(1.0)).hasEntrySatisfying(
                "http_server_requests_seconds_count{exception=\"none\",method=\"GET\",status=\"401\",uri=\"/bff/api/{path}\"}",
                count -> assertThat(count).isEqualTo(1.0));
    }

    private static byte[] gzippedZeros(int megabytes) throws IOException {
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            byte[] megabyte = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                gzip.write(megabyte);
            }
        }
        return compressed.toByteArray();
    }
}
