package dev.gatehouse.bootstrap;

import static dev.gatehouse.bootstrap.ServiceClientsServer.OPS_PREVIOUS_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.OPS_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.REPORTER_SECRET;
import static dev.gatehouse.bootstrap.ServiceClientsServer.tokenByBasic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client credentials grant (RFC 6749 §4.4) over HTTP: service clients authenticate, nobody else uses it. */
class ClientCredentialsTest {

    private static final Map<String, String> GRANT = Map.of("grant_type", "client_credentials");

    private final HttpFixture http = new HttpFixture(ServiceClientsServer.shared());

    @Test
    void a_service_client_authenticated_by_basic_gets_an_access_token_for_itself_and_no_refresh_token() throws Exception {
        HttpResponse<String> response = tokenByBasic(http, "ops", OPS_SECRET, GRANT);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, Object> body = http.object(response);
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900).containsEntry("scope", "admin reports")
                .containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
        Map<String, Object> claims = claimsOf((String) body.get("access_token"));
        assertThat(claims).containsEntry("sub", "ops").containsEntry("client_id", "ops").containsEntry("scope", "admin reports")
                .doesNotContainKey("sid").containsKeys("iss", "aud", "iat", "exp", "jti");
        assertThat(ServiceClientsServer.eventsOf("client_token_issued", "ops", null)).isPositive();
    }

    @Test
    void a_service_client_may_send_its_secret_in_the_form_instead() {
        HttpResponse<String> response = http.postForm("/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "reporter", "client_secret", REPORTER_SECRET));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.object(response)).containsEntry("scope", "reports");
    }

    @Test
    void during_a_rotation_the_previous_secret_still_works() {
        assertThat(tokenByBasic(http, "ops", OPS_PREVIOUS_SECRET, GRANT).statusCode()).isEqualTo(200);
    }

    @Test
    void basic_and_client_secret_together_are_an_invalid_request() {
        HttpResponse<String> response = tokenByBasic(http, "ops", OPS_SECRET, Map.of("grant_type", "client_credentials",
                "client_secret", OPS_SECRET));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.object(response)).containsEntry("error", "invalid_request");
    }

    @Test
    void a_wrong_secret_by_basic_is_invalid_client_with_the_basic_challenge() throws Exception {
        int before = ServiceClientsServer.eventsOf("client_authentication_failed", "ops", null);
        HttpResponse<String> response = tokenByBasic(http, "ops", OPS_SECRET + "!", GRANT);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(http.object(response)).containsEntry("error", "invalid_client").doesNotContainKey("access_token");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(ServiceClientsServer.eventsOf("client_authentication_failed", "ops", null)).isEqualTo(before + 1);
    }

    @Test
    void an_unknown_client_by_basic_is_invalid_client_with_the_challenge_and_by_form_without() {
        HttpResponse<String> byBasic = tokenByBasic(http, "nobody", OPS_SECRET, GRANT);
        assertThat(byBasic.statusCode()).isEqualTo(401);
        assertThat(byBasic.headers().firstValue("WWW-Authenticate")).isPresent();

        HttpResponse<String> byForm = http.postForm("/auth/token", Map.of("grant_type", "client_credentials",
                "client_id", "ops", "client_secret", "wrong"));
        assertThat(byForm.statusCode()).isEqualTo(401);
        assertThat(http.object(byForm)).containsEntry("error", "invalid_client");
        assertThat(byForm.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    /** RFC 6749 §2.3: a public client has no secret, so one presented for it fails, by Basic or in the form; an empty one is none. */
    @Test
    void a_secret_for_a_public_client_is_invalid_client() {
        Map<String, String> signIn = Map.of("grant_type", "password", "username", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD);
        HttpResponse<String> byBasic = tokenByBasic(http, "api", "made-up", signIn);
        assertThat(byBasic.statusCode()).as(byBasic.body()).isEqualTo(401);
        assertThat(http.object(byBasic)).containsEntry("error", "invalid_client").doesNotContainKey("access_token");
        assertThat(byBasic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));

        HttpResponse<String> byForm = http.postForm("/auth/revoke", Map.of("client_id", "api", "client_secret", "made-up", "token", "x"));
        assertThat(byForm.statusCode()).isEqualTo(401);
        assertThat(http.object(byForm)).containsEntry("error", "invalid_client");

        HttpResponse<String> emptySecret = tokenByBasic(http, "api", "", signIn);
        assertThat(http.object(emptySecret).get("error")).as("an empty secret is none: the grant is judged").isEqualTo("invalid_grant");
    }

    @Test
    void a_client_that_is_no_service_client_may_not_use_the_grant() {
        HttpResponse<String> response = http.postForm("/auth/token", Map.of("grant_type", "client_credentials", "client_id", "api"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.object(response)).containsEntry("error", "unauthorized_client");
    }

    @Test
    void a_service_client_may_not_use_the_password_or_refresh_grants() {
        HttpResponse<String> password = tokenByBasic(http, "ops", OPS_SECRET, Map.of("grant_type", "password",
                "username", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD));
        HttpResponse<String> refresh = http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "client_id", "ops",
                "client_secret", OPS_SECRET, "refresh_token", "x.0.y"));
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(http.object(password)).containsEntry("error", "unauthorized_client");
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(http.object(refresh)).containsEntry("error", "unauthorized_client");
    }

    /** RFC 6749 §3.2.1: a confidential client authenticates first, so no grant tells a service client's id apart without its secret. */
    @Test
    void a_service_client_without_its_secret_is_an_invalid_client_whatever_the_grant() {
        HttpResponse<String> password = tokenByBasic(http, "ops", "not the secret of ops, but long enough", Map.of(
                "grant_type", "password", "username", HttpFixture.anEmail(), "password", HttpFixture.PASSWORD));
        HttpResponse<String> refresh = http.postForm("/auth/token", Map.of("grant_type", "refresh_token", "client_id", "ops",
                "refresh_token", "x.0.y"));
        assertThat(password.statusCode()).isEqualTo(401);
        assertThat(http.object(password)).containsEntry("error", "invalid_client");
        assertThat(password.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(refresh.statusCode()).isEqualTo(401);
        assertThat(http.object(refresh)).containsEntry("error", "invalid_client");
    }

    /** threat-model.md: neither the words nor the work of a refusal tell a service client's id apart from an unknown id. */
    @Test
    void an_unknown_client_presenting_a_secret_is_refused_like_a_service_client_with_a_wrong_one() {
        String wrong = "not the secret of anybody, but long enough";
        for (String endpoint : new String[] {"/auth/token", "/auth/revoke"}) {
            Map<String, String> form = endpoint.equals("/auth/token") ? GRANT : Map.of("token", "x.0.y");
            HttpResponse<String> known = ServiceClientsServer.postByBasic(http, endpoint, "ops", wrong, form);
            HttpResponse<String> unknown = ServiceClientsServer.postByBasic(http, endpoint, "opz", wrong, form);
            assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(401);
            assertThat(unknown.body()).as(endpoint).isEqualTo(known.body());
            assertThat(unknown.headers().firstValue("WWW-Authenticate")).isEqualTo(known.headers().firstValue("WWW-Authenticate"));
        }
    }

    /**
     * A client id is the caller's text: the refusal's security event names an unknown one only when it is spelt
     * like an id, so that neither a NUL (which PostgreSQL refuses: 503 before), a line break (a forged log line)
     * nor a megabyte reaches the log and table {@code security_event}.
     */
    @Test
    void an_unknown_client_id_reaches_the_security_events_only_when_spelt_like_an_id() throws Exception {
        HttpFixture caller = new HttpFixture(ServiceClientsServer.shared());
        int malformedBefore = ServiceClientsServer.eventsOf("client_authentication_failed", "(malformed)", null);
        int plausibleBefore = ServiceClientsServer.eventsOf("client_authentication_failed", "opz.2", null);

        List<HttpResponse<String>> refusals = List.of(
                caller.postForm("/auth/token", Map.of("grant_type", "client_credentials", "client_id", "ab\u0000c",
                        "client_secret", "x")),
                caller.postForm("/auth/revoke", Map.of("token", "x", "client_id", "x\n00:00:00.000 INFO  gatehouse.security - forged",
                        "client_secret", "y")),
                tokenByBasic(caller, "o\u0000ps", "secret", GRANT),
                caller.postForm("/auth/token", Map.of("grant_type", "client_credentials", "client_id", "a".repeat(100_000),
                        "client_secret", "x")),
                tokenByBasic(caller, "opz.2", "secret", GRANT));

        assertThat(refusals).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            assertThat(caller.object(response)).containsEntry("error", "invalid_client");
        });
        assertThat(ServiceClientsServer.eventsOf("client_authentication_failed", "(malformed)", null)).isEqualTo(malformedBefore + 4);
        assertThat(ServiceClientsServer.eventsOf("client_authentication_failed", "opz.2", null)).isEqualTo(plausibleBefore + 1);
    }

    /** RFC 6749 §5.2: an unknown grant is {@code unsupported_grant_type}, whoever asks, so it tells no service client apart. */
    @Test
    void an_unknown_grant_type_is_unsupported_for_service_clients_too() {
        for (String grant : new String[] {"foo", "authorization_code", "CLIENT_CREDENTIALS"}) {
            HttpResponse<String> byBasic = tokenByBasic(http, "ops", OPS_SECRET, Map.of("grant_type", grant));
            HttpResponse<String> byId = http.postForm("/auth/token", Map.of("grant_type", grant, "client_id", "ops"));
            HttpResponse<String> ofAPublicClient = http.postForm("/auth/token", Map.of("grant_type", grant, "client_id", "api"));
            for (HttpResponse<String> response : List.of(byBasic, byId, ofAPublicClient)) {
                assertThat(response.statusCode()).as(grant).isEqualTo(400);
                assertThat(http.object(response)).as(grant).containsEntry("error", "unsupported_grant_type");
            }
        }
    }

    @Test
    void a_requested_scope_must_be_a_subset_of_the_configured_ones() {
        HttpResponse<String> subset = tokenByBasic(http, "ops", OPS_SECRET, Map.of("grant_type", "client_credentials", "scope", "reports"));
        assertThat(subset.statusCode()).isEqualTo(200);
        assertThat(http.object(subset)).containsEntry("scope", "reports");
        assertThat(claimsOf((String) http.object(subset).get("access_token"))).containsEntry("scope", "reports");

        for (String scope : new String[] {"admin", "admin reports", "reports \"x\"", "reports  admin"}) {
            HttpResponse<String> refused = tokenByBasic(http, "reporter", REPORTER_SECRET, Map.of("grant_type", "client_credentials",
                    "scope", scope));
            assertThat(refused.statusCode()).as(scope).isEqualTo(400);
            assertThat(http.object(refused)).as(scope).containsEntry("error", "invalid_scope");
        }
    }

    @Test
    void a_service_client_registers_no_accounts() {
        HttpResponse<String> response = http.postJson("/auth/register", http.toJson(Map.of("email", HttpFixture.anEmail(),
                "password", HttpFixture.PASSWORD, "name", "Robot", "clientId", "ops")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(http.object(response)).containsEntry("error", "unauthorized_client").doesNotContainKey("access_token");
    }

    @Test
    void a_service_token_is_no_user_token() {
        assertThat(http.get("/auth/me", ServiceClientsServer.opsToken(http)).statusCode()).isEqualTo(401);
        assertThat(http.get("/auth/sessions", ServiceClientsServer.opsToken(http)).statusCode()).isEqualTo(401);
    }

    @Test
    void guessing_secrets_from_one_address_is_throttled_and_then_even_the_right_secret_waits() {
        HttpFixture.awaitFreshMinute();
        HttpFixture guesser = new HttpFixture(ServiceClientsServer.shared());
        HttpResponse<String> last = null;
        for (int i = 0; i < 61 && (last == null || last.statusCode() != 429); i++) {
            last = tokenByBasic(guesser, "ops", "guess-" + i, GRANT);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        HttpResponse<String> right = tokenByBasic(guesser, "ops", OPS_SECRET, GRANT);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
        assertThat(tokenByBasic(http, "ops", OPS_SECRET, GRANT).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void the_metadata_names_the_grant_and_the_client_authentication_methods() {
        Map<String, Object> metadata = http.object(http.send(http.request("/.well-known/oauth-authorization-server").GET()));
        assertThat((Iterable<Object>) metadata.get("grant_types_supported")).contains("client_credentials");
        assertThat((Iterable<Object>) metadata.get("token_endpoint_auth_methods_supported"))
                .contains("client_secret_basic", "client_secret_post");
    }

    private Map<String, Object> claimsOf(String jwt) {
        return http.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
