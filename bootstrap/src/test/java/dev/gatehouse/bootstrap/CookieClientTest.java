package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Browser frontends (client {@code web}): the refresh token lives only in an HttpOnly cookie, CSRF-checked. */
class CookieClientTest {

    static final String ORIGIN = "http://localhost:5173";

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void registration_sets_the_refresh_cookie_and_keeps_the_token_out_of_the_body() {
        HttpResponse<String> response = registerAsWeb(HttpFixture.anEmail(), true);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(http.object(response)).doesNotContainKey("refresh_token").containsKeys("access_token", "user");
        String cookie = refreshCookie(response);
        assertThat(cookie).startsWith("__Host-gh_refresh=").contains("Path=/", "Secure", "HttpOnly", "SameSite=Strict", "Max-Age=604800")
                .doesNotContainIgnoringCase("Domain=");
    }

    @Test
    void requests_without_an_allowed_origin_or_the_custom_header_are_forbidden() {
        assertThat(http.send(json("/auth/register", registration(HttpFixture.anEmail())).header("X-Requested-With", "gatehouse"))
                .statusCode()).as("no origin").isEqualTo(403);
        assertThat(http.send(json("/auth/register", registration(HttpFixture.anEmail())).header("Origin", ORIGIN)).statusCode())
                .as("no custom header").isEqualTo(403);
        assertThat(http.send(json("/auth/register", registration(HttpFixture.anEmail())).header("Origin", "https://evil.example")
                .header("X-Requested-With", "gatehouse")).statusCode()).as("foreign origin").isEqualTo(403);
        assertThat(http.send(json("/auth/register", registration(HttpFixture.anEmail())).header("Origin", "null")
                .header("X-Requested-With", "gatehouse")).statusCode()).as("null origin").isEqualTo(403);
        assertThat(http.send(json("/auth/register", registration(HttpFixture.anEmail())).header("Referer", ORIGIN + "/app/page")
                .header("X-Requested-With", "gatehouse")).statusCode()).as("a referer of the origin will do").isEqualTo(201);
    }

    @Test
    void refresh_reads_the_cookie_rotates_it_and_clears_it_on_invalid_grant() {
        String cookie = cookieValue(refreshCookie(registerAsWeb(HttpFixture.anEmail(), true)));
        HttpResponse<String> refreshed = http.send(csrf(form("grant_type=refresh_token&client_id=web"))
                .header("Cookie", "__Host-gh_refresh=" + cookie));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(http.object(refreshed)).doesNotContainKey("refresh_token");
        String next = cookieValue(refreshCookie(refreshed));
        assertThat(next).isNotEqualTo(cookie);

        HttpResponse<String> forged = http.send(csrf(form("grant_type=refresh_token&client_id=web"))
                .header("Cookie", "__Host-gh_refresh=" + next.substring(0, next.length() - 3) + "AAA"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(refreshCookie(forged)).contains("Max-Age=0", "Path=/", "Secure", "HttpOnly", "SameSite=Strict");

        HttpResponse<String> noCsrf = http.send(form("grant_type=refresh_token&client_id=web").header("Cookie", "__Host-gh_refresh=" + next));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    @Test
    void two_different_refresh_tokens_in_body_and_cookie_are_refused() {
        String cookie = cookieValue(refreshCookie(registerAsWeb(HttpFixture.anEmail(), true)));
        HttpResponse<String> response = http.send(csrf(form("grant_type=refresh_token&client_id=web&refresh_token=other"))
                .header("Cookie", "__Host-gh_refresh=" + cookie));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.object(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void sign_out_by_cookie_needs_csrf_proof_and_clears_the_cookie() {
        String cookie = cookieValue(refreshCookie(registerAsWeb(HttpFixture.anEmail(), true)));
        var signOut = http.request("/auth/sign-out").header("Cookie", "__Host-gh_refresh=" + cookie)
                .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(signOut).statusCode()).isEqualTo(403);
        HttpResponse<String> done = http.send(http.request("/auth/sign-out").header("Cookie", "__Host-gh_refresh=" + cookie)
                .header("Origin", ORIGIN).header("X-Requested-With", "gatehouse").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(done.statusCode()).isEqualTo(204);
        assertThat(refreshCookie(done)).contains("Max-Age=0");
        assertThat(http.send(csrf(form("grant_type=refresh_token&client_id=web")).header("Cookie", "__Host-gh_refresh=" + cookie))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void cors_answers_only_the_configured_origins_with_credentials() {
        HttpResponse<String> allowed = http.send(http.request("/auth/token").header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type,x-requested-with")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");

        HttpResponse<String> foreign = http.send(http.request("/auth/token").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = http.send(http.request("/health").header("Origin", "https://evil.example").GET());
        assertThat(simple.headers().allValues("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpResponse<String> registerAsWeb(String email, boolean withCsrf) {
        var request = json("/auth/register", registration(email));
        return http.send(withCsrf ? request.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse") : request);
    }

    private String registration(String email) {
        return http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD, "name", "Browser", "clientId", "web"));
    }

    private HttpRequest.Builder json(String path, String body) {
        return http.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder form(String body) {
        return http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder csrf(HttpRequest.Builder request) {
        return request.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse");
    }

    static String refreshCookie(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("__Host-gh_refresh=")).findFirst()
                .orElseThrow(() -> new AssertionError("no refresh cookie in " + cookies));
    }

    static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }
}
