package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README walkthrough and every endpoint's happy path, over real HTTP against the running service. */
class AuthFlowTest {

    private final HttpFixture http = new HttpFixture(GatehouseServer.shared());

    @Test
    void register_sign_in_call_me_refresh_replay_and_sign_out() {
        String email = HttpFixture.anEmail();
        Map<String, Object> registered = http.register("  " + email.toUpperCase() + " ");
        assertThat(((Map<?, ?>) registered.get("user")).get("email")).isEqualTo(email);

        HttpResponse<String> signIn = http.signIn(email, HttpFixture.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Cache-Control")).contains("no-store");
        Map<String, Object> tokens = http.object(signIn);
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900)
                .containsEntry("refresh_expires_in", 604800).containsKeys("access_token", "refresh_token", "session_id", "user_id");

        HttpResponse<String> me = http.get("/auth/me", (String) tokens.get("access_token"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(http.object(me)).containsEntry("email", email).containsEntry("name", "Test User")
                .containsEntry("id", registered.get("user_id")).containsKey("createdAt");

        String first = (String) tokens.get("refresh_token");
        Map<String, Object> refreshed = http.object(http.refresh(first));
        String second = (String) refreshed.get("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(refreshed.get("session_id")).isEqualTo(tokens.get("session_id"));

        HttpResponse<String> replayWithinGrace = http.refresh(first);
        assertThat(replayWithinGrace.statusCode()).isEqualTo(200);
        assertThat(http.object(replayWithinGrace).get("refresh_token")).as("racing tabs get the same successor").isEqualTo(second);

        HttpResponse<String> signOut = http.postJson("/auth/sign-out", "{\"refreshToken\":\"" + second + "\"}");
        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(http.refresh(second).statusCode()).isEqualTo(400);
        assertThat(http.get("/auth/me", (String) refreshed.get("access_token")).statusCode())
                .as("access tokens of a signed-out session stop working here at once").isEqualTo(401);
    }

    @Test
    void access_tokens_verify_offline_with_the_published_key_set_and_nothing_but_the_jdk() throws Exception {
        Map<String, Object> registered = http.register(HttpFixture.anEmail());
        String[] jwt = ((String) registered.get("access_token")).split("\\.");
        Map<String, Object> header = decode(jwt[0]);
        Map<String, Object> claims = decode(jwt[1]);
        assertThat(header).as("what default verifiers accept").containsEntry("alg", "RS256").containsEntry("typ", "JWT").containsKey("kid");
        assertThat(claims).containsEntry("iss", "http://localhost:8080").containsEntry("aud", "gatehouse")
                .containsEntry("client_id", "api").containsEntry("sub", registered.get("user_id"))
                .containsEntry("sid", registered.get("session_id")).containsKeys("iat", "exp", "jti");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900);

        HttpResponse<String> jwksResponse = http.send(http.request("/.well-known/jwks.json").GET());
        Map<String, Object> jwks = http.object(jwksResponse);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).stream()
                .filter(k -> k.get("kid").equals(header.get("kid"))).findFirst().orElseThrow();
        assertThat(key).containsEntry("kty", "RSA").containsKeys("n", "e").doesNotContainKeys("d", "p", "q");

        var publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("e")))));
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
    }

    /** RFC 6750 §2.1: {@code credentials = "Bearer" 1*SP b64token}. */
    @Test
    void the_bearer_scheme_may_be_followed_by_several_spaces_but_not_by_a_tab() {
        String token = (String) http.register(HttpFixture.anEmail()).get("access_token");
        for (String scheme : List.of("Bearer  ", "bearer   ")) {
            assertThat(http.send(http.request("/auth/me").header("Authorization", scheme + token).GET()).statusCode())
                    .as(scheme).isEqualTo(200);
        }
        assertThat(http.send(http.request("/auth/me").header("Authorization", "Bearer\t" + token).GET()).statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/auth/me").header("Authorization", "Bearer \t" + token).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void two_authorization_headers_are_refused_whichever_comes_first() {
        String token = (String) http.register(HttpFixture.anEmail()).get("access_token");
        for (List<String> headers : List.of(List.of("Bearer " + token, "Bearer junk"), List.of("Bearer junk", "Bearer " + token),
                List.of("Bearer " + token, "Bearer " + token))) {
            HttpResponse<String> response = http.send(http.request("/auth/me").header("Authorization", headers.get(0))
                    .header("Authorization", headers.get(1)).GET());
            assertThat(response.statusCode()).as(headers.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        }
    }

    @Test
    void an_access_token_spelled_otherwise_is_401_even_when_its_bytes_are_the_same() {
        String real = (String) http.register(HttpFixture.anEmail()).get("access_token");
        String[] parts = real.split("\\.");
        assertThat(Base64.getUrlDecoder().decode(flipLowBit(parts[2]))).as("an RS256 signature leaves 4 bits unused")
                .isEqualTo(Base64.getUrlDecoder().decode(parts[2]));

        for (String variant : List.of(parts[0] + "." + parts[1] + "." + flipLowBit(parts[2]),
                parts[0] + "." + flipLowBit(parts[1]) + "." + parts[2], real + "=", real + "==")) {
            HttpResponse<String> me = http.get("/auth/me", variant);
            assertThat(me.statusCode()).as(variant).isEqualTo(401);
            assertThat(me.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        }
        assertThat(http.get("/auth/me", real).statusCode()).isEqualTo(200);
    }

    /** API.md lists {@code userAgent} on every session item, also for a sign-in that sent no {@code User-Agent}. */
    @Test
    void a_session_signed_in_without_a_user_agent_lists_an_empty_one() throws Exception {
        String email = HttpFixture.anEmail();
        http.register(email);
        String form = HttpFixture.form(Map.of("grant_type", "password", "username", email, "password", HttpFixture.PASSWORD,
                "client_id", "api"));
        String response;
        try (var socket = new Socket("127.0.0.1", GatehouseServer.shared().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "X-Forwarded-For: " + http.clientAddress() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 200");
        String token = response.replaceAll("(?s).*\"access_token\":\"([^\"]+)\".*", "$1");

        assertThat(http.list(http.get("/auth/sessions", token))).filteredOn(s -> Boolean.TRUE.equals(s.get("current")))
                .singleElement().satisfies(s -> assertThat(s).containsEntry("userAgent", ""));
    }

    @Test
    void sessions_are_listed_with_the_current_one_marked_and_can_be_ended_one_by_one() {
        String email = HttpFixture.anEmail();
        Map<String, Object> first = http.register(email);
        Map<String, Object> second = http.object(http.signIn(email, HttpFixture.PASSWORD));
        String token = (String) second.get("access_token");

        List<Map<String, Object>> sessions = http.list(http.get("/auth/sessions", token));
        assertThat(sessions).hasSize(2);
        assertThat(sessions).filteredOn(s -> Boolean.TRUE.equals(s.get("current")))
                .singleElement().satisfies(s -> assertThat(s.get("id")).isEqualTo(second.get("session_id")));
        assertThat(sessions.get(0)).containsKeys("id", "clientId", "createdAt", "lastUsedAt", "expiresAt", "userAgent", "current");

        var delete = http.request("/auth/sessions/" + first.get("session_id")).header("Authorization", "Bearer " + token).DELETE();
        assertThat(http.send(delete).statusCode()).isEqualTo(204);
        assertThat(http.send(delete).statusCode()).as("already ended").isEqualTo(404);
        assertThat(http.refresh((String) first.get("refresh_token")).statusCode()).isEqualTo(400);
        assertThat(http.list(http.get("/auth/sessions", token))).hasSize(1);
    }

    @Test
    void nobody_can_see_or_end_somebody_elses_session() {
        Map<String, Object> mallory = http.register(HttpFixture.anEmail());
        Map<String, Object> victim = http.register(HttpFixture.anEmail());
        var delete = http.request("/auth/sessions/" + victim.get("session_id"))
                .header("Authorization", "Bearer " + mallory.get("access_token")).DELETE();
        assertThat(http.send(delete).statusCode()).isEqualTo(404);
        assertThat(http.get("/auth/me", (String) victim.get("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void sign_out_by_bearer_and_sign_out_everywhere_take_effect_at_once() {
        String email = HttpFixture.anEmail();
        Map<String, Object> laptop = http.register(email);
        Map<String, Object> phone = http.object(http.signIn(email, HttpFixture.PASSWORD));
        Map<String, Object> tablet = http.object(http.signIn(email, HttpFixture.PASSWORD));

        var signOutLaptop = http.request("/auth/sign-out").header("Authorization", "Bearer " + laptop.get("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(signOutLaptop).statusCode()).isEqualTo(204);
        assertThat(http.get("/auth/me", (String) laptop.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(http.get("/auth/me", (String) phone.get("access_token")).statusCode()).isEqualTo(200);

        var everywhere = http.request("/auth/sign-out-everywhere").header("Authorization", "Bearer " + phone.get("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(http.send(everywhere).statusCode()).isEqualTo(204);
        assertThat(http.get("/auth/me", (String) tablet.get("access_token")).statusCode()).isEqualTo(401);
        assertThat(http.refresh((String) tablet.get("refresh_token")).statusCode()).isEqualTo(400);
    }

    @Test
    void revocation_ends_the_session_of_a_refresh_or_access_token_and_answers_200_for_anything() {
        Map<String, Object> byRefresh = http.register(HttpFixture.anEmail());
        var revoked = http.postForm("/auth/revoke", Map.of("token", (String) byRefresh.get("refresh_token"),
                "token_type_hint", "refresh_token", "client_id", "api"));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(http.refresh((String) byRefresh.get("refresh_token")).statusCode()).isEqualTo(400);

        Map<String, Object> byAccess = http.register(HttpFixture.anEmail());
        assertThat(http.postForm("/auth/revoke", Map.of("token", (String) byAccess.get("access_token"), "client_id", "api"))
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/auth/me", (String) byAccess.get("access_token")).statusCode()).isEqualTo(401);

        assertThat(http.postForm("/auth/revoke", Map.of("token", "no-such-token", "client_id", "api")).statusCode()).isEqualTo(200);
    }

    @Test
    void discovery_documents_describe_the_service() {
        Map<String, Object> metadata = http.object(http.send(http.request("/.well-known/oauth-authorization-server").GET()));
        assertThat(metadata).containsEntry("issuer", "http://localhost:8080")
                .containsEntry("token_endpoint", "http://localhost:8080/auth/token")
                .containsEntry("revocation_endpoint", "http://localhost:8080/auth/revoke")
                .containsEntry("jwks_uri", "http://localhost:8080/.well-known/jwks.json")
                .containsEntry("grant_types_supported", List.of("password", "refresh_token", "client_credentials"));
        HttpResponse<String> health = http.send(http.request("/health").GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(http.object(health)).containsEntry("status", "UP");
        assertThat(http.object(http.send(http.request("/health/readiness").GET()))).containsEntry("status", "UP");
    }

    private static String flipLowBit(String part) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return part.substring(0, part.length() - 1) + alphabet.charAt(alphabet.indexOf(part.charAt(part.length() - 1)) ^ 1);
    }

    private Map<String, Object> decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return http.parse(json);
    }
}
