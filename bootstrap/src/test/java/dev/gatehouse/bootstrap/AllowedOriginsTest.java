package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cookie client with two allowed origins, neither of them localhost (the service itself is reached on
 * 127.0.0.1, as behind a proxy that forwards {@code Host: localhost}): every listed origin passes the CSRF
 * check and CORS, compared exactly; any other passes neither, not even the origin of another cookie client
 * ({@code web2}) when the cookie is web's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllowedOriginsTest {

    private static final String FIRST = "https://app.example";
    private static final String SECOND = "https://admin.example:8443";
    private static final String OTHER_CLIENTS_ORIGIN = "https://shop.example"; // of the cookie client web2

    private EmbeddedServer server;
    private HttpFixture http;

    @BeforeAll
    void start() {
        server = GatehouseServer.start(Map.of("gatehouse.clients.web.allowed-origins", List.of(FIRST, SECOND),
                "gatehouse.clients.web2.delivery", "cookie", "gatehouse.clients.web2.allowed-origins", List.of(OTHER_CLIENTS_ORIGIN)));
        http = new HttpFixture(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {FIRST, SECOND})
    void every_listed_origin_passes_the_csrf_check_and_cors(String origin) {
        HttpResponse<String> registered = http.send(registration().header("Origin", origin).header("X-Requested-With", "gatehouse"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(registered.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(registered.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");

        String cookie = CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registered));
        HttpResponse<String> refreshed = http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-gh_refresh=" + cookie).header("Origin", origin).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web")));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);

        HttpResponse<String> preflight = http.send(preflight(origin));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
    }

    @Test
    void a_referer_from_the_second_origin_will_do_too() {
        HttpResponse<String> registered = http.send(registration().header("Referer", SECOND + "/sign-up?step=2")
                .header("X-Requested-With", "gatehouse"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://app.example", "https://app.example:8443", "https://admin.example",
            "https://APP.example", "https://app.example.evil.example", "null"})
    void any_other_origin_passes_neither(String origin) {
        HttpResponse<String> refused = http.send(registration().header("Origin", origin).header("X-Requested-With", "gatehouse"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(http.object(refused)).containsEntry("status", 403).containsKeys("type", "title", "detail");
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = http.send(preflight(origin));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void a_page_of_a_listed_origin_may_read_the_challenge_of_a_401_and_the_retry_after_of_a_429() {
        HttpResponse<String> unauthenticated = http.send(http.request("/auth/me").header("Origin", FIRST).GET());
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(exposedBy(unauthenticated)).contains("Retry-After", "WWW-Authenticate");

        assertThat(exposedBy(http.send(http.request("/auth/me").header("Origin", "https://evil.example").GET())))
                .as("another origin learns nothing of CORS").isEmpty();
    }

    @Test
    void every_answer_that_depends_on_the_origin_says_so_in_vary() {
        assertThat(varyOf(http.send(registration().header("Origin", FIRST).header("X-Requested-With", "gatehouse"))))
                .as("CORS response").contains("Origin");
        assertThat(varyOf(http.send(registration().header("Origin", "https://evil.example").header("X-Requested-With", "gatehouse"))))
                .as("CSRF refusal").contains("Origin");
        assertThat(varyOf(http.send(registration()))).as("no Origin: cached, it must not serve an origin that has one").contains("Origin");
        assertThat(varyOf(http.send(preflight(SECOND)))).as("preflight").contains("Origin");
        assertThat(varyOf(http.send(preflight("https://evil.example")))).as("refused preflight").contains("Origin");
        assertThat(varyOf(http.send(http.request("/.well-known/jwks.json").header("Origin", FIRST).GET()))).as("cacheable GET")
                .containsExactly("Origin");
    }

    @Test
    void a_session_is_signed_out_by_cookie_from_its_own_clients_origins_only() {
        HttpResponse<String> registered = http.send(registration().header("Origin", FIRST).header("X-Requested-With", "gatehouse"));
        String cookie = CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registered));

        HttpResponse<String> fromAnotherClientsPage = http.send(signOutByCookie(cookie, OTHER_CLIENTS_ORIGIN));
        assertThat(fromAnotherClientsPage.statusCode()).as(fromAnotherClientsPage.body()).isEqualTo(403);
        assertThat(http.object(fromAnotherClientsPage)).containsEntry("status", 403);
        HttpResponse<String> refreshed = http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-gh_refresh=" + cookie).header("Origin", FIRST).header("X-Requested-With", "gatehouse")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web")));
        assertThat(refreshed.statusCode()).as("the session goes on").isEqualTo(200);

        String successor = CookieClientTest.cookieValue(CookieClientTest.refreshCookie(refreshed));
        assertThat(http.send(signOutByCookie(successor, SECOND)).statusCode()).isEqualTo(204);
    }

    private HttpRequest.Builder signOutByCookie(String cookie, String origin) {
        return http.request("/auth/sign-out").header("Cookie", "__Host-gh_refresh=" + cookie).header("Origin", origin)
                .header("X-Requested-With", "gatehouse").POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder registration() {
        String body = http.toJson(Map.of("email", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD, "name", "Two Origins",
                "clientId", "web"));
        return http.request("/auth/register").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder preflight(String origin) {
        return http.request("/auth/token").header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-requested-with")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
    }

    private static List<String> exposedBy(HttpResponse<String> response) {
        return response.headers().allValues("Access-Control-Expose-Headers").stream()
                .flatMap(exposed -> List.of(exposed.split(",")).stream()).map(String::strip).toList();
    }

    private static List<String> varyOf(HttpResponse<String> response) {
        return response.headers().allValues("Vary").stream().flatMap(vary -> List.of(vary.split(",")).stream()).map(String::strip).toList();
    }
}
