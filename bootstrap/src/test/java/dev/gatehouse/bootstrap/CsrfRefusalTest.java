package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.CookieClientTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CSRF-guarded entry point refuses a request without the proof with {@code 403} and an error
 * document in its format (OAuth JSON at {@code /auth/token}, also when spelt {@code /auth/token/};
 * problem+json elsewhere), never an empty body, and nothing is spent or changed. Each case runs without
 * the proof in three ways: no headers, a foreign {@code Origin} with the custom header, an allowed
 * {@code Origin} without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfRefusalTest {

    private ProxiedGatehouse gatehouse;
    private HttpFixture http;

    @BeforeAll
    void start() throws IOException {
        gatehouse = ProxiedGatehouse.start(Map.of());
        http = new HttpFixture(gatehouse.server());
    }

    @AfterAll
    void stop() {
        gatehouse.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_cookie_refresh_is_refused_in_the_oauth_shape_and_the_token_stays_unspent(String attempt) {
        String cookie = "__Host-gh_refresh=" + CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registerAsWeb()));
        HttpResponse<String> refused = http.send(without(attempt, refresh(cookie)));
        assertRefused(refused, "application/json");
        assertThat(http.object(refused)).containsEntry("error", "invalid_request").containsKeys("error_description", "type", "title");
        assertThat(http.send(withProof(refresh(cookie))).statusCode()).as("the token was not spent").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_cookie_refresh_at_the_token_path_with_a_trailing_slash_is_refused_in_the_oauth_shape_too(String attempt) {
        String cookie = "__Host-gh_refresh=" + CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registerAsWeb()));
        HttpResponse<String> refused = http.send(without(attempt, refresh("/auth/token/", cookie)));
        assertRefused(refused, "application/json");
        assertThat(http.object(refused)).containsEntry("error", "invalid_request").containsKeys("error_description", "type", "title");
        assertThat(http.send(withProof(refresh(cookie))).statusCode()).as("the token was not spent").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_cookie_client_registration_is_refused_and_creates_no_account(String attempt) {
        String email = HttpFixture.anEmail();
        assertRefused(http.send(without(attempt, registration(email))), "application/problem+json");
        assertThat(http.send(withProof(registration(email))).statusCode()).as("no account was created").isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_cookie_sign_out_is_refused_and_the_session_lives_on(String attempt) {
        String cookie = "__Host-gh_refresh=" + CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registerAsWeb()));
        HttpResponse<String> refused = http.send(without(attempt, http.request("/auth/sign-out").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody())));
        assertRefused(refused, "application/problem+json");
        assertThat(refused.headers().allValues("Set-Cookie")).as("the cookie is not cleared").isEmpty();
        assertThat(http.send(withProof(refresh(cookie))).statusCode()).as("the session was not ended").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_bff_login_is_refused_and_sets_no_cookie(String attempt) {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> refused = http.send(without(attempt, bffLogin(email)));
        assertRefused(refused, "application/problem+json");
        assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "foreign-origin", "no-header"})
    void a_bff_logout_and_an_unsafe_bff_call_are_refused_and_reach_nothing(String attempt) {
        String email = HttpFixture.anEmail();
        http.register(email);
        String cookies = http.send(withProof(bffLogin(email))).headers().allValues("Set-Cookie").stream()
                .map(setCookie -> setCookie.substring(0, setCookie.indexOf(';'))).collect(Collectors.joining("; "));
        int reachedBefore = gatehouse.upstream().received().size();

        HttpResponse<String> call = http.send(without(attempt, http.request("/bff/api/orders").header("Cookie", cookies)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))));
        assertRefused(call, "application/problem+json");
        assertThat(gatehouse.upstream().received()).as("nothing reached the upstream").hasSize(reachedBefore);

        HttpResponse<String> logout = http.send(without(attempt, http.request("/bff/logout").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.noBody())));
        assertRefused(logout, "application/problem+json");
        assertThat(logout.headers().allValues("Set-Cookie")).as("the cookies are not cleared").isEmpty();
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", cookies).GET()).statusCode())
                .as("the session was not ended").isEqualTo(200);
    }

    /**
     * What a cross-site HTML form sends: one of its three encodings, a foreign {@code Origin}, no custom header. Its
     * body would earn a 415 or a 400 further in; the refusal comes first.
     */
    @Test
    void a_cross_site_form_gets_the_csrf_refusal_whatever_its_encoding() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String bffCookies = http.send(withProof(bffLogin(email))).headers().allValues("Set-Cookie").stream()
                .map(setCookie -> setCookie.substring(0, setCookie.indexOf(';'))).collect(Collectors.joining("; "));
        String refreshCookie = "__Host-gh_refresh=" + CookieClientTest.cookieValue(CookieClientTest.refreshCookie(registerAsWeb()));
        Map<String, String> forms = Map.of("application/x-www-form-urlencoded", "a=b", "text/plain", "a=b",
                "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n");

        Map<String, String> targets = Map.of("/auth/sign-out", refreshCookie, "/bff/logout", bffCookies, "/bff/login", bffCookies,
                "/auth/sign-out/", refreshCookie, "/bff/logout/", bffCookies, "/bff/login/", bffCookies, "/bff/logout/?a=1", bffCookies);
        for (var form : forms.entrySet()) {
            for (var target : targets.entrySet()) {
                HttpResponse<String> refused = http.send(http.request(target.getKey()).header("Cookie", target.getValue())
                        .header("Origin", "https://evil.example").header("Content-Type", form.getKey())
                        .POST(HttpRequest.BodyPublishers.ofString(form.getValue())));
                assertThat(refused.statusCode()).as("%s to %s", form.getKey(), target.getKey()).isEqualTo(403);
                assertRefused(refused, "application/problem+json");
                assertThat(refused.headers().firstValue("Date")).as("Date, as on every answer").isPresent();
            }
        }
        assertThat(http.send(withProof(refresh(refreshCookie))).statusCode()).as("the session was not ended").isEqualTo(200);
        assertThat(http.send(http.request("/bff/api/orders").header("Cookie", bffCookies).GET()).statusCode())
                .as("the bff session was not ended").isEqualTo(200);
    }

    private void assertRefused(HttpResponse<String> response, String mediaType) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(mediaType));
        assertThat(response.body()).isNotEmpty();
        assertThat(http.object(response)).containsEntry("status", 403).containsKeys("type", "title");
    }

    private static HttpRequest.Builder without(String attempt, HttpRequest.Builder request) {
        Map<String, UnaryOperator<HttpRequest.Builder>> attempts = Map.of(
                "none", UnaryOperator.identity(),
                "foreign-origin", r -> r.header("Origin", "https://evil.example").header("X-Requested-With", "gatehouse"),
                "no-header", r -> r.header("Origin", ORIGIN));
        return attempts.get(attempt).apply(request);
    }

    private static HttpRequest.Builder withProof(HttpRequest.Builder request) {
        return request.header("Origin", ORIGIN).header("X-Requested-With", "gatehouse");
    }

    private HttpResponse<String> registerAsWeb() {
        return http.send(withProof(registration(HttpFixture.anEmail())));
    }

    private HttpRequest.Builder registration(String email) {
        String body = http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD, "name", "Browser", "clientId", "web"));
        return http.request("/auth/register").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder refresh(String cookie) {
        return refresh("/auth/token", cookie);
    }

    private HttpRequest.Builder refresh(String path, String cookie) {
        return http.request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=web"));
    }

    private HttpRequest.Builder bffLogin(String email) {
        String body = http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD));
        return http.request("/bff/login").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
