package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A browser frontend (cookie client {@code web}, configured with two allowed origins): the refresh token lives
 * only in the {@code __Host-gh_refresh} cookie, and every origin of the client works, CSRF-checked.
 */
class CookieClientIT extends AgainstTheSharedJar {

    static final String COOKIE = "__Host-gh_refresh";
    static final List<String> ORIGINS = Gatehouse.WEB_ORIGINS;

    CookieClientIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @ParameterizedTest(name = "from {0}")
    @FieldSource("ORIGINS")
    void a_browser_signs_in_refreshes_and_signs_out_from_each_allowed_origin(String origin) {
        String email = Gatehouse.anEmail();
        HttpResponse<String> registered = http.postJson("/auth/register", Gatehouse.registration(email, "web"), csrf(origin));
        assertThat(registered.statusCode()).as("register from %s", origin).isEqualTo(201);
        assertRefreshCookieOnly(registered);

        HttpResponse<String> signedIn = http.postForm("/auth/token",
                Map.of("grant_type", "password", "username", email, "password", Gatehouse.PASSWORD, "client_id", "web"), csrf(origin));
        assertThat(signedIn.statusCode()).as("sign in from %s", origin).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        String cookie = assertRefreshCookieOnly(signedIn);

        HttpResponse<String> refreshed = http.send(http.request("/auth/token", csrf(origin)).header("Cookie", COOKIE + "=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web")));
        assertThat(refreshed.statusCode()).as("refresh from %s", origin).isEqualTo(200);
        String rotated = assertRefreshCookieOnly(refreshed);
        assertThat(rotated).isNotEqualTo(cookie);

        HttpResponse<String> signedOut = http.send(http.request("/auth/sign-out", csrf(origin)).header("Cookie", COOKIE + "=" + rotated)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(signedOut.statusCode()).as("sign out from %s", origin).isEqualTo(204);
        assertThat(Http.setCookie(signedOut, COOKIE)).hasValueSatisfying(clear -> assertThat(clear).contains("Max-Age=0"));
    }

    @ParameterizedTest(name = "from {0}")
    @FieldSource("ORIGINS")
    void cors_preflights_of_each_allowed_origin_are_answered_with_credentials(String origin) {
        HttpResponse<String> preflight = http.send(http.request("/auth/token", "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-requested-with").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isBetween(200, 299);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(preflight.headers().allValues("Vary").toString()).contains("Origin");
    }

    @Test
    void a_request_from_a_foreign_origin_is_forbidden_and_gets_no_cors_headers() {
        HttpResponse<String> response = http.postJson("/auth/register", Gatehouse.registration(Gatehouse.anEmail(), "web"),
                csrf("https://evil.example"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(Http.setCookie(response, COOKIE)).isEmpty();
    }

    @Test
    void a_request_without_the_custom_header_is_forbidden() {
        HttpResponse<String> response = http.postJson("/auth/register", Gatehouse.registration(Gatehouse.anEmail(), "web"),
                "Origin", ORIGINS.get(0));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.setCookie(response, COOKIE)).isEmpty();
    }

    /** Asserts the contract's cookie and that no refresh token is in the body; returns the cookie's value. */
    private static String assertRefreshCookieOnly(HttpResponse<String> response) {
        JsonNode body = Http.json(response);
        assertThat(body.has("refresh_token")).as("refresh token in the body of a cookie client").isFalse();
        assertThat(body.path("access_token").asText()).isNotBlank();
        String cookie = Http.setCookie(response, COOKIE).orElseThrow(() -> new AssertionError("no " + COOKIE + " cookie"));
        assertThat(cookie).contains("; Path=/", "; Secure", "; HttpOnly", "; SameSite=Strict", "; Max-Age=604800")
                .doesNotContainIgnoringCase("domain=");
        return Http.cookieValue(cookie);
    }

    private static String[] csrf(String origin) {
        return new String[] {"Origin", origin, "X-Requested-With", "gatehouse"};
    }
}
