package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.CookieClientTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The backend-for-frontend proxy: cookies in, bearer out, never a token in the browser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BffProxyTest {

    private UpstreamStub upstream;
    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() throws Exception {
        upstream = new UpstreamStub();
        server = GatehouseServer.start(Map.of("gatehouse.bff.upstream-url", upstream.baseUrl(), "gatehouse.bff.read-timeout", "1s"));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
        upstream.close();
    }

    @Test
    void login_sets_two_httponly_cookies_and_answers_no_token() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> login = login(email);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(http.object(login)).containsEntry("loggedIn", true).containsKey("user").doesNotContainKeys("access_token", "refresh_token");
        assertThat(login.body()).doesNotContain("eyJ");
        assertThat(login.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(cookie -> assertThat(cookie)
                .contains("; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=").doesNotContainIgnoringCase("domain"));
    }

    @Test
    void a_call_reaches_the_upstream_with_a_bearer_token_and_without_the_cookies() {
        String cookies = session();
        HttpResponse<String> response = http.send(http.request("/bff/api/orders/42?expand=items&x=%20y").header("Cookie", cookies)
                .header("Authorization", "Bearer attacker-chosen").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        UpstreamStub.Received seen = last();
        assertThat(seen.rawPath()).isEqualTo("/base/orders/42");
        assertThat(seen.rawQuery()).isEqualTo("expand=items&x=%20y");
        assertThat(seen.header("Cookie")).isNull();
        assertThat(seen.header("Authorization")).startsWith("Bearer eyJ");
        String[] jwt = seen.header("Authorization").substring(7).split("\\.");
        assertThat(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8)).contains("\"client_id\":\"web\"");

        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("__Host-gh_access=planted"))
                .anyMatch(c -> c.startsWith("upstream_pref="));
        assertThat(response.headers().firstValue("X-Private-Hop")).as("named in Connection: hop-by-hop").isEmpty();
        assertThat(response.headers().firstValue("X-Upstream")).contains("yes");
    }

    @Test
    void without_a_session_nothing_reaches_the_upstream() {
        int before = upstream.received().size();
        assertThat(http.send(http.request("/bff/api/orders").GET()).statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", "__Host-gh_access=forged; __Host-gh_refresh=forged")
                .GET()).statusCode()).isEqualTo(401);
        assertThat(upstream.received()).hasSize(before);
    }

    @Test
    void unsafe_methods_need_the_csrf_proof() {
        String cookies = session();
        int before = upstream.received().size();
        var post = http.request("/bff/api/orders").header("Cookie", cookies).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        assertThat(http.send(post).statusCode()).isEqualTo(403);
        assertThat(upstream.received()).hasSize(before);
        assertThat(http.send(post.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse")).statusCode()).isEqualTo(200);
        assertThat(last().method()).isEqualTo("POST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/bff/api/..%2F..%2Fadmin", "/bff/api/%2e%2e/admin", "/bff/api//evil.example/x", "/bff/api/a%2Fb",
            "/bff/api/a/../../b", "/bff/api/a%5Cb", "/bff/api/%00"})
    void paths_that_could_leave_the_upstream_are_refused(String path) {
        String cookies = session();
        int before = upstream.received().size();
        HttpResponse<String> response = http.send(http.request("").uri(URI.create(server.getURL() + path)).header("Cookie", cookies).GET());
        assertThat(response.statusCode()).isBetween(400, 404);
        assertThat(upstream.received()).hasSize(before);
    }

    @Test
    void an_expired_access_cookie_causes_exactly_one_rotation_for_twenty_concurrent_calls() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String refresh = cookie(login(email), "__Host-gh_refresh");
        String stale = "__Host-gh_access=expired.or.garbage; __Host-gh_refresh=" + refresh;

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(http.client().sendAsync(http.request("/bff/api/profile").header("Cookie", stale).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
        List<String> successors = answers.stream().map(answer -> cookie(answer, "__Host-gh_refresh")).distinct().toList();
        assertThat(successors).hasSize(1);
        assertThat(successors.get(0)).as("one rotation: generation 1").contains(".1.");
        assertThat(answers.get(0).headers().firstValue("Cache-Control")).as("new tokens in cookies").contains("no-store");
    }

    @Test
    void logout_ends_the_session_and_its_cookies_no_longer_open_the_proxy() {
        String cookies = session();
        HttpResponse<String> logout = http.send(http.request("/bff/logout").header("Cookie", cookies).header("Origin", ORIGIN)
                .header("X-Requested-With", "gatehouse").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(c -> assertThat(c).contains("Max-Age=0"));
        int before = upstream.received().size();
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET()).statusCode()).isEqualTo(401);
        assertThat(upstream.received()).hasSize(before);
    }

    @Test
    void a_slow_upstream_is_a_504() {
        assertThat(http.send(http.request("/bff/api/slow").header("Cookie", session()).GET()).statusCode()).isEqualTo(504);
    }

    @Test
    void a_large_upload_streams_through() {
        var body = HttpRequest.BodyPublishers.ofByteArray(new byte[50 * 1024 * 1024]);
        HttpResponse<String> response = http.send(http.request("/bff/api/upload").header("Cookie", session())
                .header("Origin", ORIGIN).header("X-Requested-With", "gatehouse").header("Content-Type", "application/octet-stream")
                .PUT(body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(last().bodyBytes()).isEqualTo(50L * 1024 * 1024);
    }

    private String session() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> login = login(email);
        return "__Host-gh_access=" + cookie(login, "__Host-gh_access") + "; __Host-gh_refresh=" + cookie(login, "__Host-gh_refresh");
    }

    private HttpResponse<String> login(String email) {
        return http.send(http.request("/bff/login").header("Content-Type", "application/json").header("Origin", ORIGIN)
                .header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(CookieClientTest::cookieValue).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    private UpstreamStub.Received last() {
        return upstream.received().get(upstream.received().size() - 1);
    }
}
