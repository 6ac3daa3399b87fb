package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8725 and the JWT library CVEs: every forged, confused or stale token is refused. */
class JwtAttacksTest {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final String ISSUER = "https://id.example";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeys keys = SigningKeys.generate(JWSAlgorithm.EdDSA, RANDOM);
    private final JwtAccessTokens tokens = tokensAt(keys, NOW);

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void an_issued_token_round_trips_every_claim(String algorithm) {
        var keySet = SigningKeys.generate(JWSAlgorithm.parse(algorithm), RANDOM);
        var issuer = tokensAt(keySet, NOW);
        AccessTokenClaims claims = claims(NOW);
        String token = issuer.issue(claims);
        assertThat(issuer.verify(token)).isEqualTo(new AccessTokenCheck.Valid(claims));
        Map<String, Object> header = json(token.split("\\.")[0]);
        assertThat(header).containsEntry("alg", algorithm).containsEntry("typ", "JWT").containsEntry("kid", keySet.signingKeyId());
        assertThat(keySet.publicJwkSet().toString()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void unsigned_tokens_are_refused_in_any_spelling(String none) {
        String header = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\",\"kid\":\"" + keys.signingKeyId() + "\"}");
        String body = tokens.issue(claims(NOW)).split("\\.")[1];
        assertInvalid(header + "." + body + ".");
        assertInvalid(header + "." + body);
    }

    /**
     * ECDSA's (r, n − s) verifies like (r, s): a second spelling of every ES256 token that anybody can make. Only the
     * low-S form is issued (in 40 tokens, about 20 would have had a high s) and only it is accepted.
     */
    @Test
    void an_es256_token_has_one_signature_the_low_s_one() {
        var issuer = tokensAt(SigningKeys.generate(JWSAlgorithm.ES256, RANDOM), NOW);
        for (int i = 0; i < 40; i++) {
            String[] parts = issuer.issue(claims(NOW)).split("\\.");
            byte[] rs = Base64.getUrlDecoder().decode(parts[2]);
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
            assertThat(s).as("issued with a low s").isLessThanOrEqualTo(LowS.ORDER.shiftRight(1));

            byte[] highS = LowS.ORDER.subtract(s).toByteArray(); // 31 to 33 bytes: a sign byte, or leading zeros dropped
            byte[] variant = Arrays.copyOf(rs, 64);
            Arrays.fill(variant, 32, 64, (byte) 0);
            int length = Math.min(highS.length, 32);
            System.arraycopy(highS, highS.length - length, variant, 64 - length, length);
            String token = parts[0] + "." + parts[1] + ".";
            assertThat(issuer.verify(token + parts[2])).isInstanceOf(AccessTokenCheck.Valid.class);
            assertThat(issuer.verify(token + Base64.getUrlEncoder().withoutPadding().encodeToString(variant)))
                    .as("the same signature with n - s").isInstanceOf(AccessTokenCheck.Invalid.class);
        }
    }

    @Test
    void a_stripped_or_borrowed_signature_is_refused() {
        String[] one = tokens.issue(claims(NOW)).split("\\.");
        String[] two = tokens.issue(claims(NOW)).split("\\.");
        assertInvalid(one[0] + "." + one[1] + ".");
        assertInvalid(one[0] + "." + one[1] + "." + two[2]);
    }

    @Test
    void hmac_signed_with_the_public_key_is_refused() throws Exception {
        var rsa = SigningKeys.generate(JWSAlgorithm.RS256, RANDOM);
        var verifier = tokensAt(rsa, NOW);
        byte[] publicKey = ((RSAKey) JWK.parse((Map<String, Object>) ((java.util.List<?>) rsa.publicJwkSet().get("keys")).get(0)))
                .toRSAPublicKey().getEncoded();
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.signingKeyId())
                .type(JOSEObjectType.JWT).build(), claimSet(NOW, b -> { }));
        forged.sign(new MACSigner(publicKey));
        assertThat(verifier.verify(forged.serialize())).isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    @Test
    void an_ecdsa_signature_of_zeros_is_refused() {
        var ec = SigningKeys.generate(JWSAlgorithm.ES256, RANDOM);
        var verifier = tokensAt(ec, NOW);
        String[] token = verifier.issue(claims(NOW)).split("\\.");
        assertThat(verifier.verify(token[0] + "." + token[1] + "." + Base64URL.encode(new byte[64])))
                .isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    @Test
    void unknown_missing_or_hostile_kids_are_refused() {
        assertInvalid(signed(h -> h.keyID("someone-else")));
        assertInvalid(signed(h -> h.keyID(null)));
        assertInvalid(signed(h -> h.keyID("../../etc/passwd")));
        assertInvalid(signed(h -> h.keyID("k".repeat(10_000))));
    }

    @Test
    void key_carrying_headers_are_refused_even_when_the_signature_is_ours() throws Exception {
        JWK attackerKey = SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "attacker").toPublicJWK();
        assertInvalid(signed(h -> h.jwkURL(java.net.URI.create("https://attacker.example/jwks.json"))));
        assertInvalid(signed(h -> h.x509CertURL(java.net.URI.create("https://attacker.example/cert.pem"))));
        assertInvalid(signed(h -> h.jwk(attackerKey)));
    }

    @Test
    void a_wrong_or_missing_typ_or_an_unknown_crit_is_refused() {
        assertInvalid(signed(h -> h.type(JwtAccessTokens.AT_JWT)));
        assertInvalid(signed(h -> h.type(null)));
        assertInvalid(signed(h -> h.criticalParams(Set.of("exp-policy")).customParam("exp-policy", "x")));
    }

    /** ADR 0004: a {@code crit} header is refused whatever it lists, also when empty or {@code null}. */
    @ParameterizedTest
    @ValueSource(strings = {"[]", "null", "[\"b64\"]"})
    void a_crit_header_is_refused_even_empty(String crit) {
        assertInvalid(signedHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + keys.signingKeyId() + "\",\"typ\":\"JWT\",\"crit\":" + crit
                + (crit.contains("b64") ? ",\"b64\":true}" : "}")));
        assertThat(tokens.verify(signedHeader("{\"alg\":\"EdDSA\",\"kid\":\"" + keys.signingKeyId() + "\",\"typ\":\"JWT\"}")))
                .as("the same header without crit").isInstanceOf(AccessTokenCheck.Valid.class);
    }

    @Test
    void a_token_of_another_issuer_or_audience_is_refused() {
        assertInvalid(signedClaims(b -> b.issuer("https://evil.example")));
        assertInvalid(signedClaims(b -> b.audience("another-api")));
    }

    @Test
    void a_token_missing_a_required_claim_is_refused() {
        assertInvalid(signedClaims(b -> b.subject(null)));
        assertInvalid(signedClaims(b -> b.claim("sid", null)));
        assertInvalid(signedClaims(b -> b.claim("client_id", null)));
        assertInvalid(signedClaims(b -> b.jwtID(null)));
    }

    @Test
    void expiry_and_not_before_are_checked_with_thirty_seconds_of_leeway() {
        String token = tokens.issue(claims(NOW));
        assertThat(tokensAt(keys, NOW.plus(Duration.ofMinutes(15)).plusSeconds(29)).verify(token)).isInstanceOf(AccessTokenCheck.Valid.class);
        assertThat(tokensAt(keys, NOW.plus(Duration.ofMinutes(15)).plusSeconds(30)).verify(token)).isInstanceOf(AccessTokenCheck.Invalid.class);
        assertInvalid(signedClaims(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(120)))));
        assertThat(tokens.verify(signedClaims(b -> b.notBeforeTime(Date.from(NOW.plusSeconds(20)))))).isInstanceOf(AccessTokenCheck.Valid.class);
    }

    @Test
    void a_token_signed_by_another_key_with_the_same_kid_is_refused() {
        var impostor = SigningKeys.generate(JWSAlgorithm.EdDSA, RANDOM);
        var header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.signingKeyId()).type(JOSEObjectType.JWT).build();
        var jwt = new SignedJWT(header, claimSet(NOW, b -> { }));
        sign(jwt, impostor);
        assertInvalid(jwt.serialize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b.c", "....", "not a token", "eyJ.eyJ.eyJ", "a.b.c.d.e",
            "00000000-0000-4000-8000-000000000001.0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void structural_garbage_is_refused(String garbage) {
        assertInvalid(garbage);
    }

    /** Headers that are JSON but not an object: {@code null}, {@code  null }, {@code true}, {@code 1}, {@code "x"}, {@code []}. */
    @ParameterizedTest
    @ValueSource(strings = {"bnVsbA", "IG51bGwg", "dHJ1ZQ", "MQ", "Ingi", "W10"})
    void a_header_that_is_not_a_json_object_is_refused(String header) {
        assertInvalid(header + ".e30.AAAA");
    }

    @Test
    void oversized_tokens_are_not_even_parsed() {
        assertInvalid("eyJ" + "A".repeat(5000) + ".eyJ.sig");
        assertThat(tokens.verify(null)).isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    private void assertInvalid(String token) {
        assertThat(tokens.verify(token)).isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    private String signed(Consumer<JWSHeader.Builder> headerChange) {
        var header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.signingKeyId()).type(JOSEObjectType.JWT);
        headerChange.accept(header);
        var jwt = new SignedJWT(header.build(), claimSet(NOW, b -> { }));
        sign(jwt, keys);
        return jwt.serialize();
    }

    /** A token with our claims and signature under the header JSON exactly as given. */
    private String signedHeader(String headerJson) {
        String signingInput = b64(headerJson) + "." + b64(claimSet(NOW, b -> { }).toString());
        try {
            return signingInput + "." + keys.signer().sign(JWSHeader.parse(headerJson), signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String signedClaims(Consumer<JWTClaimsSet.Builder> claimChange) {
        var header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.signingKeyId()).type(JOSEObjectType.JWT).build();
        var jwt = new SignedJWT(header, claimSet(NOW, claimChange));
        sign(jwt, keys);
        return jwt.serialize();
    }

    private static void sign(SignedJWT jwt, SigningKeys with) {
        try {
            jwt.sign(with.signer());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet claimSet(Instant now, Consumer<JWTClaimsSet.Builder> change) {
        var builder = new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString()).audience("api")
                .claim("client_id", "api").claim("sid", UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15)))).jwtID(UUID.randomUUID().toString());
        change.accept(builder);
        return builder.build();
    }

    static AccessTokenClaims claims(Instant now) {
        return new AccessTokenClaims(ISSUER, new UserId(UUID.randomUUID()), "api", new ClientId("api"),
                new FamilyId(UUID.randomUUID()), now, now.plus(Duration.ofMinutes(15)), UUID.randomUUID().toString());
    }

    static JwtAccessTokens tokensAt(SigningKeys keys, Instant now) {
        return new JwtAccessTokens(keys, JOSEObjectType.JWT, ISSUER, "api", Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> json(String part) {
        try {
            return com.nimbusds.jose.util.JSONObjectUtils.parse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
