package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Errors the framework answers on its own (wrong method, media type or {@code Accept}, oversized or
 * unreadable bodies, unknown paths) carry a document whose {@code status} is the response's: RFC 6749
 * §5.2 JSON on the OAuth endpoints, problem+json everywhere else.
 */
class FrameworkErrorsTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "GET,    /auth/token,  ,                 405",
            "PUT,    /auth/token,  " + FORM + ",    405",
            "GET,    /auth/revoke, ,                 405",
            "POST,   /auth/token,  text/plain,       415",
            "POST,   /auth/revoke, text/plain,       415",
            "HUGE,   /auth/token,  " + FORM + ",    413",
            "HUGE,   /auth/revoke, " + FORM + ",    413",
            "HTML,   /auth/token,  " + FORM + ",    406",
            "BYTES,  /auth/token,  " + FORM + ",    400",
            "BYTES,  /auth/revoke, " + FORM + ",    400",
    })
    void oauth_endpoints_answer_oauth_json_with_the_status_of_the_response(String method, String path, String contentType, int status) {
        HttpResponse<String> response = http.send(request(method, path, contentType));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> error = http.object(response);
        assertThat(error).containsEntry("status", status).containsKeys("error", "error_description", "type", "title");
        assertThat(response.body()).doesNotContain("Exception", "io.micronaut", "io.netty");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "GET,    /auth/register,  ,                 405",
            "DELETE, /auth/sign-out,  ,                 405",
            "POST,   /auth/register,  text/plain,       415",
            "POST,   /auth/sign-out,  application/xml,  415",
            "HUGE,   /auth/register,  application/json, 413",
            "HTML,   /auth/register,  application/json, 406",
            "HTML,   /health,         ,                 406",
            "BYTES,  /auth/register,  application/json, 400",
            "GET,    /no/such/path,   ,                 404",
    })
    void other_endpoints_answer_problem_json_with_the_status_of_the_response(String method, String path, String contentType, int status) {
        HttpResponse<String> response = http.send(request(method, path, contentType));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(http.object(response)).containsEntry("status", status).containsKeys("type", "title", "detail");
        assertThat(response.body()).doesNotContain("Exception", "io.micronaut", "io.netty");
    }

    /** HUGE: a 2 MB body; HTML: {@code Accept: text/html} only; BYTES: a body that is not UTF-8. */
    private HttpRequest.Builder request(String method, String path, String contentType) {
        HttpRequest.Builder request = http.request(path);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return switch (method) {
            case "HUGE" -> request.POST(BodyPublishers.ofString("a=" + "b".repeat(2_000_000)));
            case "HTML" -> path.startsWith("/health") ? request.header("Accept", "text/html").GET()
                    : request.header("Accept", "text/html").POST(BodyPublishers.ofString("{}"));
            case "BYTES" -> request.POST(BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
            case "GET" -> request.GET();
            default -> request.method(method, BodyPublishers.ofString("x"));
        };
    }
}
