package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * {@code /bff/login} → {@code /bff/api/**} → {@code /bff/logout} against a real upstream that verifies the bearer
 * token by Gatehouse's JWKS, as a team's API would. The browser holds only HttpOnly cookies.
 */
class BffProxyIT extends AgainstTheSharedJar {

    private static final String ORIGIN = Gatehouse.WEB_ORIGINS.get(0);
    private static final String[] CSRF = {"Origin", ORIGIN, "X-Requested-With", "gatehouse"};

    private final RecordingUpstream upstream;

    BffProxyIT(Gatehouse gatehouse) {
        super(gatehouse);
        this.upstream = gatehouse.upstream();
    }

    @ParameterizedTest(name = "from {0}")
    @FieldSource("dev.gatehouse.acceptance.Gatehouse#WEB_ORIGINS")
    void login_from_each_allowed_origin_sets_httponly_cookies_and_answers_no_token(String origin) {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> login = http.postJson("/bff/login", Json.write(Map.of("email", email, "password", Gatehouse.PASSWORD)),
                "Origin", origin, "X-Requested-With", "gatehouse");

        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(login);
        assertThat(body.path("loggedIn").asBoolean()).isTrue();
        assertThat(body.path("user").path("email").asText()).isEqualTo(email);
        assertThat(login.body()).doesNotContain("access_token", "refresh_token", "eyJ");
        assertThat(Http.setCookie(login, "__Host-gh_access")).isPresent();
        assertThat(login.headers().allValues("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(cookie -> assertThat(cookie)
                .contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict").doesNotContainIgnoringCase("domain="));
    }

    @Test
    void a_call_reaches_the_upstream_with_a_verified_bearer_token_and_without_the_cookies() {
        String email = Gatehouse.anEmail();
        String userId = gatehouse.register(email).path("user_id").asText();
        String cookies = Http.cookiesOf(login(email));

        HttpResponse<String> response = http.get("/bff/api/orders/42?expand=items&q=a%20b", "Cookie", cookies);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Http.json(response).path("verified").asBoolean()).isTrue();
        RecordingUpstream.Seen seen = upstream.last();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.rawPath()).isEqualTo(RecordingUpstream.BASE_PATH + "/orders/42");
        assertThat(seen.rawQuery()).isEqualTo("expand=items&q=a%20b");
        assertThat(seen.subject()).as("the bearer token verified by JWKS").contains(userId);
        assertThat(seen.header("Cookie")).isEmpty();
    }

    @Test
    void a_post_body_arrives_as_sent() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        String cookies = Http.cookiesOf(login(email));
        String order = "{\"item\":\"tea\",\"quantity\":2}";

        HttpResponse<String> response = http.send(http.request("/bff/api/orders", CSRF).header("Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        RecordingUpstream.Seen seen = upstream.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo(order);
        assertThat(seen.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(seen.subject()).isPresent();
    }

    @Test
    void an_unsafe_call_without_the_csrf_proof_never_reaches_the_upstream() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        String cookies = Http.cookiesOf(login(email));
        int before = upstream.seen().size();

        HttpResponse<String> response = http.send(http.request("/bff/api/orders", "Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(upstream.seen()).hasSize(before);
    }

    @Test
    void the_upstream_cannot_set_the_services_cookies() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> response = http.get("/bff/api/profile", "Cookie", Http.cookiesOf(login(email)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("planted-by-upstream"))
                .anyMatch(cookie -> cookie.startsWith("team_pref="));
    }

    @Test
    void the_callers_forwarding_headers_never_reach_the_upstream() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> response = http.get("/bff/api/orders", "Cookie", Http.cookiesOf(login(email)),
                "Forwarded", "for=203.0.113.9;host=evil.example", "X-Forwarded-For", "203.0.113.9",
                "X-Forwarded-Host", "evil.example", "X-Real-IP", "203.0.113.9");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        RecordingUpstream.Seen seen = upstream.last();
        assertThat(seen.header("Forwarded")).isEmpty();
        assertThat(seen.header("X-Forwarded-Host")).isEmpty();
        assertThat(seen.header("X-Real-IP")).isEmpty();
        assertThat(seen.header("X-Forwarded-For")).as("only the address Gatehouse determined itself")
                .hasValueSatisfying(value -> assertThat(value).doesNotContain("203.0.113.9"));
    }

    @Test
    void the_upstreams_cors_headers_never_reach_the_browser() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> response = http.get("/bff/api/profile", "Cookie", Http.cookiesOf(login(email)),
                "Origin", "https://evil.example");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().allValues("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void without_a_session_nothing_reaches_the_upstream() {
        int before = upstream.seen().size();

        assertThat(http.get("/bff/api/orders").statusCode()).isEqualTo(401);
        assertThat(http.get("/bff/api/orders", "Cookie", "__Host-gh_access=forged; __Host-gh_refresh=forged; __Host-gh_bff=forged")
                .statusCode()).isEqualTo(401);
        assertThat(upstream.seen()).hasSize(before);
    }

    @Test
    void logout_clears_the_cookies_and_ends_the_session() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        String cookies = Http.cookiesOf(login(email));

        HttpResponse<String> logout = http.send(http.request("/bff/logout", CSRF).header("Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(cookie -> assertThat(cookie).contains("Max-Age=0"));
        int before = upstream.seen().size();
        assertThat(http.get("/bff/api/orders", "Cookie", cookies).statusCode()).as("cookies of the signed-out session").isEqualTo(401);
        assertThat(upstream.seen()).hasSize(before);
    }

    @Test
    void the_proxy_sessions_refresh_token_in_a_sign_out_body_is_refused_and_the_session_goes_on() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        HttpResponse<String> login = login(email);
        String refreshToken = Http.cookieValue(Http.setCookie(login, "__Host-gh_bff").orElseThrow());

        HttpResponse<String> signOut = http.postJson("/auth/sign-out", Json.write(Map.of("refreshToken", refreshToken)));

        assertThat(signOut.statusCode()).isEqualTo(400);
        assertThat(Http.json(signOut).path("error").asText()).isEqualTo("unauthorized_client");
        assertThat(http.get("/bff/api/orders", "Cookie", Http.cookiesOf(login)).statusCode()).as("the /bff session lives").isEqualTo(200);
    }

    /**
     * The session is renewed for the call, and the upstream fails after its head and before any body: the browser gets
     * the proxy's 502 with the renewed cookies, which carry the session on (without them its next call presented the
     * spent refresh token), and the CORS headers that let the page read the failure.
     */
    @Test
    void a_renewed_session_survives_an_upstream_that_fails_before_its_body() {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        String stale = Http.cookiesOf(login(email)).replaceFirst("__Host-gh_access=[^;]*", "__Host-gh_access=expired");

        HttpResponse<String> failed = http.get("/bff/api/cut-after-head", "Cookie", stale, "Origin", ORIGIN);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(502);
        assertThat(Http.json(failed).path("type").asText()).isEqualTo("urn:gatehouse:problem:bad-gateway");
        assertThat(failed.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        String renewed = Http.cookiesOf(failed);
        assertThat(renewed).contains("__Host-gh_bff=", "__Host-gh_access=");
        assertThat(http.get("/bff/api/orders", "Cookie", renewed).statusCode()).as("the session goes on with its successor").isEqualTo(200);
    }

    /**
     * A 304 reaches the browser as an answer without a body, framed as one: marked {@code Transfer-Encoding:
     * chunked} with no chunks to follow, it kept Python's http.client waiting. The next answer on the connection
     * follows right after its head.
     */
    @Test
    void a_not_modified_answer_has_no_body_framing_and_the_connection_goes_on() throws IOException {
        String email = Gatehouse.anEmail();
        gatehouse.register(email);
        String cookies = Http.cookiesOf(login(email));

        try (Socket browser = new Socket(gatehouse.base().getHost(), gatehouse.base().getPort())) {
            browser.setSoTimeout(10_000);
            for (String path : new String[] {"/bff/api/orders/not-modified", "/bff/api/orders"}) {
                browser.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookies + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
            }
            String notModified = headOf(browser.getInputStream()).toLowerCase(Locale.ROOT);
            String next = headOf(browser.getInputStream());

            assertThat(notModified).startsWith("http/1.1 304").contains("etag: \"v1\"")
                    .doesNotContain("transfer-encoding").doesNotContain("content-length");
            assertThat(next).as("the next answer, right after the 304's head").startsWith("HTTP/1.1 200");
        }
    }

    private static String headOf(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int next = in.read(); next >= 0; next = in.read()) {
            head.append((char) next);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private HttpResponse<String> login(String email) {
        return http.postJson("/bff/login", Json.write(Map.of("email", email, "password", Gatehouse.PASSWORD)), CSRF);
    }
}
