package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.BffFixture.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * No endpoint outside /bff turns a /bff session into a token a page script could read, and none accepts a
 * token of the proxy client: a script on the app's origin (XSS, a compromised package) sends the cookies
 * and the CSRF proof, exactly as the page itself would, and still gets no token.
 */
class BffTokenIsolationTest {

    private final BffFixture bff = BffFixture.forTestClass();
    private final HttpFixture http = bff.http;

    @ParameterizedTest
    @ValueSource(strings = {"web", "bff"})
    void a_page_script_refreshing_with_the_bff_cookies_gets_no_token(String clientId) {
        BffFixture.Session session = bff.session();
        HttpResponse<String> stolen = http.send(csrf(http.request("/auth/token")).header("Cookie", session.cookies())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=" + clientId)));

        assertThat(stolen.statusCode()).isBetween(400, 401);
        assertThat(stolen.body()).doesNotContain("access_token", "eyJ");
        assertThat(stolen.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("=ey") || cookie.startsWith("__Host-gh_bff"));
        assertStillLoggedIn(session);
    }

    @Test
    void the_proxy_client_is_unauthorized_at_the_token_and_revocation_endpoints() {
        BffFixture.Session session = bff.session();
        String email = bff.registered();
        var password = http.postForm("/auth/token", Map.of("grant_type", "password", "username", email, "password", HttpFixture.PASSWORD,
                "client_id", "bff"));
        var refresh = http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", session.refresh(), "client_id", "bff"));
        var revoke = http.postForm("/auth/revoke", Map.of("token", session.refresh(), "client_id", "bff"));

        for (HttpResponse<String> refused : new HttpResponse[] {password, refresh, revoke}) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(http.object(refused)).containsEntry("error", "unauthorized_client").doesNotContainKey("access_token");
        }
        assertStillLoggedIn(session);
    }

    @Test
    void the_proxy_sessions_refresh_token_presented_as_another_clients_is_an_invalid_grant() {
        BffFixture.Session session = bff.session();
        var asApi = http.refresh(session.refresh());
        var asWebCookie = http.send(csrf(http.request("/auth/token")).header("Cookie", "__Host-gh_refresh=" + session.refresh())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web")));

        assertThat(http.object(asApi)).containsEntry("error", "invalid_grant");
        assertThat(http.object(asWebCookie)).containsEntry("error", "invalid_grant");
        assertThat(asApi.body() + asWebCookie.body()).doesNotContain("access_token");
        assertStillLoggedIn(session);
    }

    @Test
    void registration_as_the_proxy_client_is_refused_and_creates_nothing() {
        String email = HttpFixture.anEmail();
        var registration = http.send(csrf(http.request("/auth/register")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD,
                        "name", "Proxy", "clientId", "bff")))));

        assertThat(registration.statusCode()).isEqualTo(400);
        assertThat(registration.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.object(registration)).containsEntry("error", "unauthorized_client").doesNotContainKey("access_token");
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).as("no account was created").isEqualTo(400);
    }

    @Test
    void sign_out_refuses_the_proxy_clients_access_token_and_ignores_its_cookie() {
        BffFixture.Session session = bff.session();
        var byBearer = http.send(http.request("/auth/sign-out").header("Authorization", "Bearer " + session.access())
                .POST(HttpRequest.BodyPublishers.noBody()));
        var byCookie = http.send(csrf(http.request("/auth/sign-out")).header("Cookie", session.cookies())
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(byBearer.statusCode()).isEqualTo(400);
        assertThat(http.object(byBearer)).containsEntry("error", "unauthorized_client");
        assertThat(byCookie.statusCode()).as("/auth/sign-out reads no /bff cookie").isEqualTo(401);
        assertStillLoggedIn(session);
    }

    @Test
    void no_bearer_endpoint_outside_bff_accepts_the_proxy_clients_access_token() {
        BffFixture.Session session = bff.session();
        String bearer = "Bearer " + session.access();
        List<HttpResponse<String>> refused = List.of(
                http.send(http.request("/auth/me").header("Authorization", bearer).GET()),
                http.send(http.request("/auth/sessions").header("Authorization", bearer).GET()),
                http.send(http.request("/auth/email-verification").header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody())),
                http.send(http.request("/auth/sign-out-everywhere").header("Authorization", bearer).POST(HttpRequest.BodyPublishers.noBody())),
                http.send(http.request("/auth/password").header("Authorization", bearer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(http.toJson(Map.of("currentPassword", HttpFixture.PASSWORD,
                                "newPassword", "a password the proxy set"))))));

        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        }
        assertStillLoggedIn(session);
    }

    @Test
    void sign_out_refuses_the_proxy_clients_refresh_token_in_the_body_and_the_session_goes_on() {
        BffFixture.Session session = bff.session();
        var byBody = http.postJson("/auth/sign-out", http.toJson(Map.of("refreshToken", session.refresh())));
        var inRefreshCookie = http.send(csrf(http.request("/auth/sign-out")).header("Cookie", "__Host-gh_refresh=" + session.refresh())
                .POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> refused : List.of(byBody, inRefreshCookie)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(http.object(refused)).containsEntry("error", "unauthorized_client");
        }
        assertStillLoggedIn(session);
    }

    private void assertStillLoggedIn(BffFixture.Session session) {
        HttpResponse<String> call = bff.get("/bff/api/profile", session);
        assertThat(call.statusCode()).as("the /bff session is untouched").isEqualTo(200);
        assertThat(call.headers().allValues("Set-Cookie")).as("and was not rotated").noneMatch(c -> c.startsWith("__Host-gh_"));
    }
}
