package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bad input never yields a 5xx; every error has the promised shape and leaks nothing. */
class ErrorContractTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void wrong_password_and_unknown_email_get_the_same_answer() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> wrongPassword = http.signIn(email, "not the password at all");
        HttpResponse<String> unknownEmail = http.signIn(HttpFixture.anEmail(), "not the password at all");
        assertThat(wrongPassword.statusCode()).isEqualTo(400).isEqualTo(unknownEmail.statusCode());
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
        assertThat(http.object(wrongPassword)).containsEntry("error", "invalid_grant").containsKeys("error_description", "type", "title", "status");
        assertThat(wrongPassword.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void registration_reports_every_invalid_field() {
        HttpResponse<String> response = http.postJson("/auth/register",
                "{\"email\":\"not-an-email\",\"password\":\"short\",\"name\":\" \",\"clientId\":\"api\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) http.object(response).get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("email", "password", "name");
        assertThat(response.body()).doesNotContain("not-an-email");
    }

    @Test
    void passwords_longer_than_256_characters_and_names_over_200_are_refused() {
        String body = http.toJson(Map.of("email", HttpFixture.anEmail(), "password", "p".repeat(257), "name", "n".repeat(201),
                "clientId", "api"));
        HttpResponse<String> response = http.postJson("/auth/register", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"password\"", "\"name\"");
    }

    @Test
    void an_email_registers_once_whatever_its_case() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> again = http.postJson("/auth/register", http.toJson(Map.of("email", email.toUpperCase(),
                "password", HttpFixture.PASSWORD, "name", "Again", "clientId", "api")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertProblem(again);
        assertThat(again.body()).doesNotContain(email);
    }

    @Test
    void an_unknown_client_is_invalid_client_everywhere() {
        HttpResponse<String> register = http.postJson("/auth/register", http.toJson(Map.of("email", HttpFixture.anEmail(),
                "password", HttpFixture.PASSWORD, "name", "X", "clientId", "nope")));
        assertThat(register.statusCode()).isEqualTo(401);
        assertProblem(register);
        assertThat(http.object(register)).containsEntry("error", "invalid_client");

        HttpResponse<String> token = http.postForm("/auth/token", Map.of("grant_type", "password", "username", "a@b.c",
                "password", "whatever1", "client_id", "nope"));
        assertThat(token.statusCode()).isEqualTo(401);
        assertThat(http.object(token)).containsEntry("error", "invalid_client");
        assertThat(http.postForm("/auth/revoke", Map.of("token", "x", "client_id", "nope")).statusCode()).isEqualTo(401);
    }

    @Test
    void the_token_endpoint_answers_rfc_6749_errors_for_bad_requests() {
        assertOAuthError(http.postForm("/auth/token", Map.of("client_id", "api")), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "authorization_code", "client_id", "api")), 400,
                "unsupported_grant_type");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "client_credentials", "client_id", "api")), 400,
                "unauthorized_client");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "password", "client_id", "api")), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "refresh_token", "garbage",
                "client_id", "api")), 400, "invalid_grant");
        assertOAuthError(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&grant_type=refresh_token&client_id=api"))),
                400, "invalid_request");
        assertOAuthError(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=%zz&client_id=api"))), 400, "invalid_request");
        assertOAuthError(http.postJson("/auth/token", "{\"grant_type\":"), 400, "invalid_request");
        assertOAuthError(http.postJson("/auth/token", "{\"grant_type\":\"password\",\"username\":7,\"client_id\":\"api\"}"),
                400, "invalid_request");
        assertOAuthError(http.postJson("/auth/token", "[1,2]"), 400, "invalid_request");
    }

    /** RFC 6749 §3.2: "Parameters sent without a value MUST be treated as if they were omitted from the request." */
    @Test
    void a_parameter_without_a_value_is_treated_as_omitted_in_forms_and_json() {
        String email = HttpFixture.anEmail();
        http.register(email);
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "password", "client_id", "api", "username", "",
                "password", HttpFixture.PASSWORD)), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "password", "client_id", "api", "username", email,
                "password", "")), 400, "invalid_request");
        assertOAuthError(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api&username&password="))), 400, "invalid_request");
        assertOAuthError(http.postJson("/auth/token", "{\"grant_type\":\"password\",\"client_id\":\"api\",\"username\":\"\","
                + "\"password\":\"x\"}"), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "", "client_id", "api")), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/revoke", Map.of("token", "", "client_id", "api")), 400, "invalid_request");
        assertOAuthError(http.postForm("/auth/token", Map.of("grant_type", "password", "client_id", "", "username", email,
                "password", HttpFixture.PASSWORD)), 401, "invalid_client");
        assertThat(http.postForm("/auth/token", Map.of("grant_type", "password", "client_id", "api", "username", email,
                "password", HttpFixture.PASSWORD, "scope", "")).statusCode()).as("an empty extra parameter is no parameter").isEqualTo(200);
    }

    @Test
    void json_and_form_bodies_are_both_accepted_by_the_token_endpoint() {
        String email = HttpFixture.anEmail();
        http.register(email);
        HttpResponse<String> json = http.postJson("/auth/token", http.toJson(Map.of("grant_type", "password", "username", email,
                "password", HttpFixture.PASSWORD, "client_id", "api")));
        assertThat(json.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"text\"", "{\"email\":{\"nested\":1}}", "{\"email\":\"a\u0000@example.com\",\"password\":\"x\"}",
            "{\"email\":\"' OR 1=1 --@example.com\",\"password\":\"correct horse\",\"name\":\"x\",\"clientId\":\"api\"}"})
    void malformed_registration_bodies_are_4xx_problems(String body) {
        HttpResponse<String> response = http.postJson("/auth/register", body);
        assertThat(response.statusCode()).isBetween(400, 499);
        assertProblem(response);
    }

    @Test
    void wrong_media_types_unknown_paths_and_methods_are_problems_too() {
        HttpResponse<String> textPlain = http.send(http.request("/auth/register").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(textPlain.statusCode()).isEqualTo(415);
        assertProblem(textPlain);
        HttpResponse<String> notFound = http.send(http.request("/no/such/thing").GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertProblem(notFound);
        HttpResponse<String> wrongMethod = http.send(http.request("/auth/me").DELETE());
        assertThat(wrongMethod.statusCode()).isIn(401, 405);
        HttpResponse<String> tokenAsXml = http.send(http.request("/auth/token").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<x/>")));
        assertThat(tokenAsXml.statusCode()).isEqualTo(415);
        assertThat(http.object(tokenAsXml)).containsEntry("error", "invalid_request");
    }

    /** A body of no declared media type was routed as if it had the one the endpoint takes; two charsets are no one charset. */
    @ParameterizedTest
    @ValueSource(strings = {"", "foo", "%%%", "application/json; charset=utf-16", "application/x-www-form-urlencoded; charset=ISO-8859-1",
        "application/json; charset=utf-8; charset=latin1", "application/x-www-form-urlencoded;charset=utf-8;charset=utf-8"})
    void a_body_must_declare_a_media_type_in_utf_8(String contentType) {
        String registration = "{\"email\":\"" + HttpFixture.anEmail() + "\",\"password\":\"" + HttpFixture.PASSWORD
                + "\",\"name\":\"X\",\"clientId\":\"api\"}";
        HttpResponse<String> register = http.send(typed(http.request("/auth/register"), contentType)
                .POST(HttpRequest.BodyPublishers.ofString(registration)));
        assertThat(register.statusCode()).isEqualTo(415);
        assertProblem(register);
        HttpResponse<String> token = http.send(typed(http.request("/auth/token"), contentType)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api&username=a%40example.com&password=x")));
        assertOAuthError(token, 415, "invalid_request");
    }

    @Test
    void a_request_without_a_body_needs_no_media_type_and_utf_8_may_be_named() {
        HttpResponse<String> everywhere = http.send(http.request("/auth/sign-out-everywhere")
                .header("Authorization", "Bearer " + http.register(HttpFixture.anEmail()).get("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(everywhere.statusCode()).isEqualTo(204);
        HttpResponse<String> utf8 = http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded;Charset=\"UTF-8\"")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api&username=a%40example.com&password=x")));
        assertOAuthError(utf8, 400, "invalid_grant");
    }

    private static HttpRequest.Builder typed(HttpRequest.Builder request, String contentType) {
        return contentType.isEmpty() ? request : request.header("Content-Type", contentType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "x-gzip", "deflate"})
    void a_body_that_does_not_decompress_is_malformed_input_not_a_server_error(String encoding) {
        assertOAuthError(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api"))),
                400, "invalid_request");
        HttpResponse<String> revoke = http.send(http.request("/auth/revoke").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofString("token=x&client_id=api")));
        assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(400);
        HttpResponse<String> signOut = http.send(http.request("/auth/sign-out").header("Content-Type", "application/json")
                .header("Content-Encoding", encoding).POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"x\"}")));
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(400);
        assertProblem(signOut);
    }

    @Test
    void an_oversized_body_is_refused_before_any_work() {
        HttpResponse<String> response = http.postJson("/auth/register", "{\"email\":\"" + "a".repeat(2_000_000) + "\"}");
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void protected_endpoints_want_a_valid_bearer_token_in_the_header_only() {
        Map<String, Object> tokens = http.register(HttpFixture.anEmail());
        HttpResponse<String> none = http.send(http.request("/auth/me").GET());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertProblem(none);
        assertThat(http.get("/auth/me", "garbage").statusCode()).isEqualTo(401);
        assertThat(http.get("/auth/me", (String) tokens.get("refresh_token")).statusCode())
                .as("a refresh token is no bearer token").isEqualTo(401);
        assertThat(http.send(http.request("/auth/me?access_token=" + tokens.get("access_token")).GET()).statusCode())
                .as("tokens in the query string are ignored").isEqualTo(401);
        assertThat(http.refresh((String) tokens.get("access_token")).statusCode())
                .as("an access token is no refresh token").isEqualTo(400);
        HttpResponse<String> invalid = http.get("/auth/me", "garbage");
        assertThat(invalid.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        HttpResponse<String> basic = http.send(http.request("/auth/me").header("Authorization", "Basic Zm9vOmJhcg==").GET());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate")).as("another scheme is no token: RFC 6750 §3.1, no error code")
                .hasValue("Bearer realm=\"gatehouse\"");
    }

    private void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = http.object(response);
        assertThat(problem).containsKeys("type", "title", "status", "detail").containsEntry("status", response.statusCode());
        assertThat(response.body()).doesNotContain("Exception", "at dev.", "SQL", "io.micronaut");
    }

    private void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(http.object(response)).containsEntry("error", error).containsEntry("status", status)
                .containsKeys("error_description", "type", "title");
    }

    @Test
    void a_huge_header_is_a_431_and_a_huge_request_line_a_414_problem() {
        HttpResponse<String> header = http.send(http.request("/auth/me").header("Authorization", "Bearer " + "a".repeat(20_000)).GET());
        assertThat(header.statusCode()).isEqualTo(431);
        assertProblem(header);
        HttpResponse<String> line = http.send(http.request("/auth/sessions/" + "a".repeat(5_000)).DELETE());
        assertThat(line.statusCode()).isEqualTo(414);
        assertProblem(line);
        assertThat(http.postJson("/auth/register", "{\"email\":\"" + "a".repeat(2_000_000) + "\"}").statusCode())
                .as("a large body stays a 413").isEqualTo(413);
    }
}
