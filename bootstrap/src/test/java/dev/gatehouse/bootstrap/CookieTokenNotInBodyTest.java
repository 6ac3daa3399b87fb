package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.CookieClientTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cookie client's refresh token travels only in its cookie (API.md, delivery: cookie): one in a body is
 * refused with {@code 400 invalid_request}, with or without the cookie, and spends or ends nothing. A body client's
 * token beside a cookie of another value is refused too.
 */
class CookieTokenNotInBodyTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void a_refresh_token_in_the_form_is_refused_with_the_cookie_and_without_it() {
        String token = aCookieClientsRefreshToken();
        String form = "grant_type=refresh_token&client_id=web&refresh_token=" + token;
        assertInvalidRequest(http.send(csrf(post("/auth/token", "application/x-www-form-urlencoded", form))
                .header("Cookie", "__Host-gh_refresh=" + token)));
        assertInvalidRequest(http.send(csrf(post("/auth/token", "application/x-www-form-urlencoded", form))));
        assertThat(http.send(csrf(post("/auth/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&client_id=web"))
                .header("Cookie", "__Host-gh_refresh=" + token)).statusCode()).as("the token was not spent").isEqualTo(200);
    }

    @Test
    void a_refresh_token_in_the_json_variant_or_beside_a_password_grant_is_refused_too() {
        String token = aCookieClientsRefreshToken();
        assertInvalidRequest(http.send(csrf(post("/auth/token", "application/json",
                http.toJson(Map.of("grant_type", "refresh_token", "client_id", "web", "refresh_token", token))))));
        assertInvalidRequest(http.send(csrf(post("/auth/token", "application/x-www-form-urlencoded", HttpFixture.form(Map.of(
                "grant_type", "password", "username", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD, "client_id", "web",
                "refresh_token", token))))));
    }

    @Test
    void a_refresh_token_in_the_sign_out_body_of_a_cookie_client_is_refused_and_ends_nothing() {
        String token = aCookieClientsRefreshToken();
        String body = http.toJson(Map.of("refreshToken", token));
        HttpResponse<String> withCookie = http.send(csrf(post("/auth/sign-out", "application/json", body))
                .header("Cookie", "__Host-gh_refresh=" + token));
        assertThat(withCookie.statusCode()).isEqualTo(400);
        assertThat(http.object(withCookie)).containsEntry("error", "invalid_request").containsEntry("status", 400);
        assertThat(withCookie.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> fromItsPage = http.send(csrf(post("/auth/sign-out", "application/json", body)));
        assertThat(fromItsPage.statusCode()).as("no cookie, but from the cookie client's origin").isEqualTo(400);
        assertThat(http.object(fromItsPage)).containsEntry("error", "invalid_request");

        HttpResponse<String> fromAnywhere = http.send(post("/auth/sign-out", "application/json", body));
        assertThat(fromAnywhere.statusCode()).as("no cookie, no origin: the token names a cookie client's session").isEqualTo(400);
        assertThat(http.object(fromAnywhere)).containsEntry("error", "invalid_request");

        assertThat(http.send(csrf(post("/auth/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&client_id=web"))
                .header("Cookie", "__Host-gh_refresh=" + token)).statusCode()).as("the session was not ended").isEqualTo(200);
    }

    @Test
    void a_body_client_still_signs_out_with_the_token_in_the_body() {
        String token = (String) http.register(HttpFixture.anEmail()).get("refresh_token");
        assertThat(http.postJson("/auth/sign-out", http.toJson(Map.of("refreshToken", token))).statusCode()).isEqualTo(204);
        assertThat(http.refresh(token).statusCode()).isEqualTo(400);
    }

    /** SECURITY-CHECKLIST: a refresh token in both body and cookie with different values is 400; neither is spent. */
    @Test
    void a_body_clients_token_beside_a_cookie_of_another_value_is_refused_and_spends_nothing() {
        String token = (String) http.register(HttpFixture.anEmail()).get("refresh_token");
        String other = (String) http.register(HttpFixture.anEmail()).get("refresh_token");

        assertInvalidRequest(http.send(post("/auth/token", "application/x-www-form-urlencoded",
                "grant_type=refresh_token&client_id=api&refresh_token=" + token).header("Cookie", "__Host-gh_refresh=" + other)));

        assertThat(http.send(post("/auth/token", "application/x-www-form-urlencoded",
                "grant_type=refresh_token&client_id=api&refresh_token=" + token).header("Cookie", "__Host-gh_refresh=" + token))
                .statusCode()).as("the same token in both, not spent before").isEqualTo(200);
        assertThat(http.refresh(other).statusCode()).as("the cookie's token was not spent").isEqualTo(200);
    }

    private String aCookieClientsRefreshToken() {
        String body = http.toJson(Map.of("email", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD, "name", "Browser",
                "clientId", "web"));
        HttpResponse<String> registered = http.send(csrf(post("/auth/register", "application/json", body)));
        return CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registered));
    }

    private void assertInvalidRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(http.object(response)).containsEntry("error", "invalid_request").containsEntry("status", 400);
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return http.request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder csrf(HttpRequest.Builder request) {
        return request.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse");
    }
}
