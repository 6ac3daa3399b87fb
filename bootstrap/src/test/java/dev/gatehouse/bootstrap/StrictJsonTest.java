package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON bodies are read strictly: one object and nothing after it, no member twice, no unpaired surrogate
 * (escaped or as raw bytes), no unknown or non-string member, no missing required field. Otherwise a 400
 * problem (OAuth JSON at {@code /auth/token}), and nothing is created.
 */
class StrictJsonTest {

    private static final byte[] RAW_SURROGATE = {(byte) 0xED, (byte) 0xA0, (byte) 0x80};

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @ParameterizedTest
    @ValueSource(strings = {"%s trailing", "%s {}", "%s,", "%s]", "%s\"x\"", "[%s]", "%s%s"})
    void content_after_the_object_or_around_it_is_refused_and_registers_nobody(String shape) {
        String email = HttpFixture.anEmail();
        String valid = registration(email, HttpFixture.PASSWORD);
        assertMalformed(http.postJson("/auth/register", shape.replace("%s", valid)));
        assertThat(http.postJson("/auth/register", valid).statusCode()).as("nothing was registered").isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800abcdefgh", "abcdefgh\\udc00", "abcd\\udc00\\ud800efgh"})
    void a_password_with_an_escaped_unpaired_surrogate_is_refused_not_turned_into_a_question_mark(String password) {
        String email = HttpFixture.anEmail();
        assertMalformed(http.postJson("/auth/register", registration(email, "PLACEHOLDER").replace("PLACEHOLDER", password)));
        assertThat(http.postJson("/auth/register", registration(email, HttpFixture.PASSWORD)).statusCode()).isEqualTo(201);
    }

    @Test
    void a_password_with_a_raw_encoded_surrogate_is_refused() {
        String[] parts = registration(HttpFixture.anEmail(), "PLACEHOLDER").split("PLACEHOLDER");
        assertMalformed(http.send(http.request("/auth/register").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(parts[0], RAW_SURROGATE, "abcdefgh" + parts[1])))));
    }

    @Test
    void a_surrogate_pair_is_a_character_like_any_other() {
        String email = HttpFixture.anEmail();
        String password = "horse \uD83D\uDC0E battery staple";
        assertThat(http.postJson("/auth/register", registration(email, password)).statusCode()).isEqualTo(201);
        assertThat(http.signIn(email, password).statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_non_string_and_missing_fields_are_named() {
        HttpResponse<String> response = http.postJson("/auth/register",
                "{\"email\":7,\"password\":null,\"clientId\":\"api\",\"admin\":true}");
        assertMalformed(response);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) http.object(response).get("errors");
        assertThat(errors).extracting(error -> error.get("field")).containsExactlyInAnyOrder("email", "password", "name", "admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}"})
    void anything_but_one_object_of_unique_members_is_refused(String body) {
        assertMalformed(http.postJson("/auth/register", body));
    }

    @Test
    void sign_out_and_bff_login_read_their_json_just_as_strictly() {
        assertMalformed(http.postJson("/auth/sign-out", "{\"refreshToken\":\"x\"} {}"));
        assertMalformed(http.postJson("/auth/sign-out", "{\"refreshToken\":\"x\",\"everywhere\":true}"));
        var login = http.request("/bff/login").header("Content-Type", "application/json")
                .header("Origin", CookieClientTest.ORIGIN).header("X-Requested-With", "gatehouse");
        String credentials = "{\"email\":\"a@example.com\",\"password\":\"x\"}";
        assertMalformed(http.send(login.POST(HttpRequest.BodyPublishers.ofString(credentials + " x"))));
        assertMalformed(http.send(login.POST(HttpRequest.BodyPublishers.ofString(credentials.replace("\"x\"", "\"\\ud800\"")))));
        var rawSurrogate = new java.io.ByteArrayOutputStream();
        rawSurrogate.writeBytes("{\"email\":\"a@example.com\",\"password\":\"x".getBytes(StandardCharsets.UTF_8));
        rawSurrogate.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        rawSurrogate.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        assertMalformed(http.send(login.POST(HttpRequest.BodyPublishers.ofByteArray(rawSurrogate.toByteArray()))));
        assertMalformed(http.send(login.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.com\",\"password\":\"x\",\"admin\":\"y\"}"))));
        assertMalformed(http.send(login.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"a@example.com\"}"))));
    }

    @Test
    void the_token_endpoint_refuses_trailing_content_and_unpaired_surrogates_in_both_encodings() {
        String email = HttpFixture.anEmail();
        http.register(email);
        String json = http.toJson(Map.of("grant_type", "password", "username", email, "password", HttpFixture.PASSWORD,
                "client_id", "api"));
        assertInvalidRequest(http.postJson("/auth/token", json + " trailing"));
        assertInvalidRequest(http.postJson("/auth/token", json.replace(HttpFixture.PASSWORD, "\\ud800" + HttpFixture.PASSWORD)));
        assertInvalidRequest(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=api&password=%ED%A0%80abc&username=" + email))));
        assertInvalidRequest(http.send(http.request("/auth/token").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes("grant_type=password&client_id=api&password=", RAW_SURROGATE, "")))));
        assertThat(http.postJson("/auth/token", json).statusCode()).isEqualTo(200);
    }

    private String registration(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Strict\",\"clientId\":\"api\"}";
    }

    private void assertMalformed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(http.object(response)).containsEntry("status", 400).containsKeys("type", "title", "detail");
    }

    private void assertInvalidRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(http.object(response)).containsEntry("error", "invalid_request").containsEntry("status", 400);
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
