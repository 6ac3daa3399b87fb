package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors as clients parse them: RFC 9457 {@code application/problem+json} everywhere, RFC 6749 §5.2 JSON (with the
 * RFC 9457 members) at the OAuth endpoints, RFC 6750 {@code WWW-Authenticate} on 401, and never a 5xx or a
 * stack trace for bad input.
 */
class ErrorShapesIT extends AgainstTheSharedJar {

    ErrorShapesIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no grant type            | client_id=api                                                     | 400 | invalid_request
            unsupported grant type   | grant_type=authorization_code&code=x&client_id=api                | 400 | unsupported_grant_type
            unknown client           | grant_type=password&username=a@example.com&password=x&client_id=x | 401 | invalid_client
            wrong password           | grant_type=password&username=a@example.com&password=x&client_id=api | 400 | invalid_grant
            garbage refresh token    | grant_type=refresh_token&refresh_token=garbage&client_id=api      | 400 | invalid_grant
            missing refresh token    | grant_type=refresh_token&client_id=api                            | 400 | invalid_request
            """)
    void the_token_endpoint_answers_oauth_json_errors(String why, String form, int status, String error) {
        HttpResponse<String> response = http.send(http.request("/auth/token", "Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(Http.contentType(response)).startsWith("application/json");
        JsonNode body = Http.json(response);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("error_description").asText()).isNotBlank();
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertNothingLeaks(response);
    }

    @Test
    void malformed_json_at_the_token_endpoint_is_an_invalid_request() {
        HttpResponse<String> response = http.postJson("/auth/token", "{\"grant_type\": \"password\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asText()).isEqualTo("invalid_request");
        assertNothingLeaks(response);
    }

    @Test
    void a_body_that_does_not_decompress_is_an_invalid_request_not_a_server_error() {
        HttpResponse<String> response = http.send(http.request("/auth/token", "Content-Type", "application/x-www-form-urlencoded",
                "Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asText()).isEqualTo("invalid_request");
        assertNothingLeaks(response);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no token          | /auth/me       |
            a forged token    | /auth/sessions | Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.
            not a bearer      | /auth/me       | Basic YWRhOnNlY3JldA==
            a null header     | /auth/me       | Bearer bnVsbA.e30.AAAA
            """)
    void a_protected_endpoint_without_a_valid_token_is_a_401_problem_with_a_bearer_challenge(String why, String path, String authorization) {
        HttpResponse<String> response = authorization == null ? http.get(path) : http.get(path, "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, 401);
    }

    @Test
    void malformed_json_at_registration_is_a_400_problem() {
        HttpResponse<String> response = http.postJson("/auth/register", "{\"email\": [}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, 400);
    }

    @Test
    void an_unknown_path_is_a_404_problem() {
        HttpResponse<String> response = http.get("/no/such/endpoint");

        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, 404);
    }

    @Test
    void an_unknown_session_id_is_a_404_problem_not_a_server_error() {
        String bearer = "Bearer " + gatehouse.aSignedInUser().path("access_token").asText();
        HttpResponse<String> response = http.send(http.request("/auth/sessions/not-a-uuid", "Authorization", bearer).DELETE());

        assertThat(response.statusCode()).isBetween(400, 499);
        assertProblem(response, response.statusCode());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.path("type").asText()).isNotBlank();
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.has("detail")).isTrue();
        assertNothingLeaks(response);
    }

    private static void assertNothingLeaks(HttpResponse<String> response) {
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "dev.gatehouse.", "io.micronaut.", "org.postgresql", "SQL");
    }
}
