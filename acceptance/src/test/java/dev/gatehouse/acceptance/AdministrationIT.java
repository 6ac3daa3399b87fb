package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * Service clients and {@code /admin} on the packaged jar: the client credentials grant (RFC 6749 §4.4) of the
 * clients {@code ops} (scope {@code admin}) and {@code reporter} (scope {@code reports}) of {@code acceptance.yml},
 * its RFC 6749 §5.2 errors, the bearer rules of {@code /admin} (RFC 6750 §3.1) and what each admin call does to
 * an account, seen through the account owner's own requests.
 */
class AdministrationIT extends AgainstTheSharedJar {

    private static final String OPS_SECRET = "ops-secret-for-the-acceptance-suite-only";
    private static final String REPORTER_SECRET = "reporter-secret-for-the-acceptance-suite";

    AdministrationIT(Gatehouse gatehouse) {
        super(gatehouse);
    }

    @Test
    void a_service_client_gets_a_scoped_access_token_by_basic_or_by_form_and_no_refresh_token() throws Exception {
        HttpResponse<String> byBasic = byBasic("ops", OPS_SECRET);
        HttpResponse<String> byForm = http.postForm("/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "reporter", "client_secret", REPORTER_SECRET));

        assertThat(byBasic.statusCode()).as(byBasic.body()).isEqualTo(200);
        assertThat(byBasic.headers().firstValue("Cache-Control")).contains("no-store");
        JsonNode token = Http.json(byBasic);
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("scope").asText()).isEqualTo("admin");
        assertThat(token.has("refresh_token")).isFalse();
        JwtClaims claims = verified(token.path("access_token").asText());
        assertThat(claims.getSubject()).isEqualTo("ops");
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("admin");

        assertThat(byForm.statusCode()).as(byForm.body()).isEqualTo(200);
        assertThat(Http.json(byForm).path("scope").asText()).isEqualTo("reports");
        assertThat(Http.json(byForm).has("refresh_token")).isFalse();
        assertThat(verified(Http.json(byForm).path("access_token").asText()).getSubject()).isEqualTo("reporter");
    }

    @Test
    void a_wrong_secret_is_invalid_client_with_the_basic_challenge_when_basic_was_used() {
        HttpResponse<String> byBasic = byBasic("ops", OPS_SECRET + "x");
        HttpResponse<String> byForm = http.postForm("/auth/token",
                Map.of("grant_type", "client_credentials", "client_id", "ops", "client_secret", "not-the-secret"));

        for (HttpResponse<String> refused : List.of(byBasic, byForm)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(Http.contentType(refused)).startsWith("application/json");
            assertThat(Http.json(refused).path("error").asText()).isEqualTo("invalid_client");
            assertThat(Http.json(refused).has("access_token")).isFalse();
        }
        assertThat(byBasic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void admin_needs_a_bearer_token_with_the_admin_scope() {
        String userId = gatehouse.register(Gatehouse.anEmail()).path("user_id").asText();

        HttpResponse<String> anonymous = http.get("/admin/users/" + userId);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> reporter = admin("POST", "/admin/users/" + userId + "/disable", tokenOf(byBasic("reporter", REPORTER_SECRET)));
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(reporter.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("error=\"insufficient_scope\""));
        assertThat(Http.contentType(reporter)).startsWith("application/problem+json");
        assertThat(Http.json(admin("GET", "/admin/users/" + userId, opsToken())).path("disabled").asBoolean())
                .as("nothing was disabled").isFalse();
    }

    @Test
    void an_account_is_found_by_email_and_shown_with_its_live_sessions() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);
        String ops = opsToken();

        HttpResponse<String> found = admin("GET", "/admin/users?email=" + URLEncoder.encode(" " + email.toUpperCase(), StandardCharsets.UTF_8), ops);
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(Http.json(found)).singleElement().satisfies(user -> {
            assertThat(user.path("id").asText()).isEqualTo(registered.path("user_id").asText());
            assertThat(user.path("email").asText()).isEqualTo(email);
            assertThat(user.path("disabled").asBoolean()).isFalse();
            assertThat(user.has("emailVerified") && user.has("createdAt") && user.has("name")).isTrue();
        });

        JsonNode shown = Http.json(admin("GET", "/admin/users/" + registered.path("user_id").asText(), ops));
        assertThat(shown.path("email").asText()).isEqualTo(email);
        assertThat(shown.path("sessions")).singleElement()
                .satisfies(session -> assertThat(session.path("id").asText()).isEqualTo(registered.path("session_id").asText()));
    }

    @Test
    void a_disabled_account_cannot_sign_in_or_refresh_its_tokens_die_at_once_and_enabling_lets_it_in_again() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);
        String path = "/admin/users/" + registered.path("user_id").asText();
        String ops = opsToken();
        assertThat(http.getWithBearer("/auth/me", registered.path("access_token").asText()).statusCode()).isEqualTo(200);

        assertThat(admin("POST", path + "/disable", ops).statusCode()).isEqualTo(204);

        assertEnded(registered);
        HttpResponse<String> signIn = gatehouse.signIn(email, Gatehouse.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(Http.json(signIn).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(Http.json(admin("GET", path, ops)).path("disabled").asBoolean()).isTrue();

        assertThat(admin("POST", path + "/enable", ops).statusCode()).isEqualTo(204);
        assertThat(endReasonsOnSigningInAgain(email)).containsExactly("account_disabled");
    }

    @Test
    void ending_the_sessions_of_an_account_ends_refresh_and_access_and_lists_them_as_admin() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);

        assertThat(admin("DELETE", "/admin/users/" + registered.path("user_id").asText() + "/sessions", opsToken()).statusCode()).isEqualTo(204);

        assertEnded(registered);
        assertThat(endReasonsOnSigningInAgain(email)).containsExactly("admin");
    }

    @Test
    void a_deleted_account_is_gone_and_its_email_registers_again() {
        String email = Gatehouse.anEmail();
        JsonNode registered = gatehouse.register(email);
        String path = "/admin/users/" + registered.path("user_id").asText();
        String ops = opsToken();

        assertThat(admin("DELETE", path, ops).statusCode()).isEqualTo(204);

        assertNotFound(admin("GET", path, ops));
        assertEnded(registered);
        assertThat(gatehouse.signIn(email, Gatehouse.PASSWORD).statusCode()).isEqualTo(400);
        assertThat(gatehouse.register(email).path("user_id").asText()).isNotEqualTo(registered.path("user_id").asText());
    }

    @Test
    void an_id_in_capitals_names_the_same_account() {
        String userId = gatehouse.register(Gatehouse.anEmail()).path("user_id").asText();
        HttpResponse<String> shown = admin("GET", "/admin/users/" + userId.toUpperCase(Locale.ROOT), opsToken());
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(Http.json(shown).path("id").asText()).isEqualTo(userId);
    }

    @Test
    void revoking_a_service_token_is_answered_like_an_unknown_token_and_ends_no_session() {
        JsonNode user = gatehouse.register(Gatehouse.anEmail());
        String ops = opsToken();
        for (Map<String, String> client : List.of(Map.of("client_id", "ops", "client_secret", OPS_SECRET), Map.of("client_id", "api"))) {
            var form = new HashMap<>(client);
            form.put("token", ops);
            HttpResponse<String> revoked = http.postForm("/auth/revoke", form);
            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        }
        HttpResponse<String> withoutSecret = http.postForm("/auth/revoke", Map.of("token", ops, "client_id", "ops"));
        assertThat(withoutSecret.statusCode()).as("RFC 7009 §2.1: a service client authenticates").isEqualTo(401);
        assertThat(http.getWithBearer("/auth/me", user.path("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_ids_are_a_404_problem() {
        String ops = opsToken();
        String unknown = "/admin/users/" + UUID.randomUUID();
        assertNotFound(admin("GET", unknown, ops));
        assertNotFound(admin("POST", unknown + "/disable", ops));
        assertNotFound(admin("POST", unknown + "/enable", ops));
        assertNotFound(admin("DELETE", unknown + "/sessions", ops));
        assertNotFound(admin("DELETE", unknown, ops));
        assertNotFound(admin("GET", "/admin/users/not-a-uuid", ops));
    }

    private HttpResponse<String> byBasic(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.postForm("/auth/token", Map.of("grant_type", "client_credentials"), "Authorization", "Basic " + basic);
    }

    private String opsToken() {
        return tokenOf(byBasic("ops", OPS_SECRET));
    }

    private static String tokenOf(HttpResponse<String> tokenResponse) {
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        return Http.json(tokenResponse).path("access_token").asText();
    }

    private HttpResponse<String> admin(String method, String path, String accessToken) {
        return http.send(http.request(path, "Authorization", "Bearer " + accessToken).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** The token verified as a resource server verifies it: signature by the published JWKS, issuer, audience, expiry. */
    private JwtClaims verified(String accessToken) throws Exception {
        var keys = new HttpsJwksVerificationKeyResolver(new HttpsJwks(gatehouse.base().resolve("/.well-known/jwks.json").toString()));
        return new JwtConsumerBuilder().setVerificationKeyResolver(keys).setExpectedIssuer(gatehouse.issuer())
                .setExpectedAudience(Gatehouse.AUDIENCE).setRequireExpirationTime().build().processToClaims(accessToken);
    }

    /** The session is over at once: its access token is refused here, its refresh token is an invalid grant. */
    private void assertEnded(JsonNode session) {
        assertThat(http.getWithBearer("/auth/me", session.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(Http.json(gatehouse.refresh(session.path("refresh_token").asText())).path("error").asText()).isEqualTo("invalid_grant");
    }

    /** Signs in anew (which must work) and answers why the account's earlier sessions ended, as its owner sees it. */
    private List<String> endReasonsOnSigningInAgain(String email) {
        HttpResponse<String> again = gatehouse.signIn(email, Gatehouse.PASSWORD);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode ended = Http.json(http.getWithBearer("/auth/sessions?state=ended", Http.json(again).path("access_token").asText()));
        return java.util.stream.StreamSupport.stream(ended.spliterator(), false).map(s -> s.path("endReason").asText()).toList();
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(Http.contentType(response)).startsWith("application/problem+json");
        assertThat(Http.json(response).path("status").asInt()).isEqualTo(404);
    }
}
