package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every operation whose success has no body (204, 202) gets its normal answer whatever its caller accepts of
 * what the document names for it: {@code application/problem+json} alone (all its answers but the bodyless
 * success are problem documents, so openapi-generator's clients send exactly that), {@code application/json},
 * {@code *}{@code /*} or no {@code Accept} at all; never a 406 that leaves a session alive.
 */
class BodylessAnswersAcceptTest {

    private static final String NONE = "none";

    private final HttpFixture http = new HttpFixture(ServiceClientsServer.shared());
    private final String admin = ServiceClientsServer.opsToken(http);

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/json", "*/*", NONE})
    void sessions_end_whatever_the_caller_accepts(String accept) {
        String email = HttpFixture.anEmail();
        Map<String, Object> laptop = http.register(email);
        Map<String, Object> phone = http.object(http.signIn(email, HttpFixture.PASSWORD));
        Map<String, Object> tablet = http.object(http.signIn(email, HttpFixture.PASSWORD));
        String bearer = (String) laptop.get("access_token");

        assertThat(send(accept, "DELETE", "/auth/sessions/" + phone.get("session_id"), bearer, null).statusCode()).isEqualTo(204);
        assertThat(send(accept, "POST", "/auth/sign-out", null, http.toJson(Map.of("refreshToken", tablet.get("refresh_token"))))
                .statusCode()).isEqualTo(204);
        assertThat(liveSessions(bearer)).containsExactly(laptop.get("session_id"));
        assertThat(send(accept, "POST", "/auth/sign-out-everywhere", bearer, null).statusCode()).isEqualTo(204);
        assertThat(http.get("/auth/me", bearer).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/json", "*/*", NONE})
    void the_account_lifecycle_answers_whatever_the_caller_accepts(String accept) {
        String email = HttpFixture.anEmail();
        String bearer = (String) http.register(email).get("access_token");

        assertThat(send(accept, "POST", "/auth/email-verification", bearer, null).statusCode()).isEqualTo(202);
        assertProblem(send(accept, "POST", "/auth/email-verification/confirm", null, "{\"token\":\"x\"}"), 400);
        assertThat(send(accept, "POST", "/auth/password-reset", null, http.toJson(Map.of("email", email))).statusCode()).isEqualTo(202);
        assertProblem(send(accept, "POST", "/auth/password-reset/confirm", null,
                "{\"token\":\"x\",\"newPassword\":\"password-456\"}"), 400);
        assertThat(send(accept, "POST", "/auth/password", bearer,
                http.toJson(Map.of("currentPassword", HttpFixture.PASSWORD, "newPassword", "password-456"))).statusCode()).isEqualTo(204);
        assertProblem(send(accept, "DELETE", "/auth/me", bearer, "{\"password\":\"wrong-password\"}"), 400);
        assertThat(send(accept, "DELETE", "/auth/me", bearer, "{\"password\":\"password-456\"}").statusCode()).isEqualTo(204);
        assertThat(http.signIn(email, "password-456").statusCode()).as("the account is gone").isEqualTo(400);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/json", "*/*", NONE})
    void the_administration_acts_whatever_the_caller_accepts(String accept) {
        String email = HttpFixture.anEmail();
        String user = "/admin/users/" + http.register(email).get("user_id");

        assertThat(send(accept, "POST", user + "/disable", admin, null).statusCode()).isEqualTo(204);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).as("disabled").isEqualTo(400);
        assertThat(send(accept, "POST", user + "/enable", admin, null).statusCode()).isEqualTo(204);
        assertThat(http.signIn(email, HttpFixture.PASSWORD).statusCode()).as("enabled").isEqualTo(200);
        assertThat(send(accept, "DELETE", user + "/sessions", admin, null).statusCode()).isEqualTo(204);
        assertThat(send(accept, "DELETE", user, admin, null).statusCode()).isEqualTo(204);
        assertProblem(send(accept, "DELETE", user, admin, null), 404);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/problem+json", "application/json", "*/*", NONE})
    void the_bff_session_ends_whatever_the_caller_accepts(String accept) {
        String email = HttpFixture.anEmail();
        String bearer = (String) http.register(email).get("access_token");
        HttpResponse<String> login = http.send(BffFixture.csrf(http.request("/bff/login")).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(http.toJson(Map.of("email", email, "password", HttpFixture.PASSWORD)))));
        String cookies = "__Host-gh_access=" + BffFixture.cookie(login, "__Host-gh_access") + "; __Host-gh_bff="
                + BffFixture.cookie(login, "__Host-gh_bff");
        assertThat(liveSessions(bearer)).hasSize(2);

        HttpResponse<String> logout = http.send(accepting(accept, BffFixture.csrf(http.request("/bff/logout")))
                .header("Cookie", cookies).POST(BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(liveSessions(bearer)).hasSize(1);
    }

    private HttpResponse<String> send(String accept, String method, String path, String bearer, String json) {
        HttpRequest.Builder request = accepting(accept, http.request(path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder accepting(String accept, HttpRequest.Builder request) {
        return NONE.equals(accept) ? request : request.header("Accept", accept);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private List<Object> liveSessions(String bearer) {
        return http.list(http.get("/auth/sessions", bearer)).stream().map(session -> session.get("id")).toList();
    }
}
