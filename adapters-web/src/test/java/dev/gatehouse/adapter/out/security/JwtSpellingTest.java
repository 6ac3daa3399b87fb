package dev.gatehouse.adapter.out.security;

import static dev.gatehouse.adapter.out.security.JwtAttacksTest.ISSUER;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.NOW;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.claims;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.json;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.tokensAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.domain.token.AccessTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import dev.gatehouse.domain.token.FamilyId;
import dev.gatehouse.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header's {@code typ} as configured, and each of the three parts in its one canonical spelling (API.md). */
class JwtSpellingTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKeys keys = SigningKeys.generate(JWSAlgorithm.EdDSA, RANDOM);
    private final JwtAccessTokens tokens = tokensAt(keys, NOW);

    @Test
    void with_at_jwt_configured_tokens_say_at_jwt_and_only_those_verify() {
        var rfc9068 = new JwtAccessTokens(keys, JwtAccessTokens.AT_JWT, ISSUER, "api", Clock.fixed(NOW, ZoneOffset.UTC));
        String token = rfc9068.issue(claims(NOW));
        assertThat(json(token.split("\\.")[0])).containsEntry("typ", "at+jwt");
        assertThat(rfc9068.verify(token)).isInstanceOf(AccessTokenCheck.Valid.class);
        assertThat(tokens.verify(token)).as("a JWT-typed verifier").isInstanceOf(AccessTokenCheck.Invalid.class);
        assertThat(rfc9068.verify(tokens.issue(claims(NOW)))).isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    /** RFC 7515 §4.1.9, RFC 9068 §4: the {@code application/} prefix may be left out, and media types compare in any case. */
    @Test
    void the_configured_typ_is_accepted_with_or_without_the_application_prefix_in_any_case() throws Exception {
        var rfc9068 = new JwtAccessTokens(keys, JwtAccessTokens.AT_JWT, ISSUER, "api", Clock.fixed(NOW, ZoneOffset.UTC));
        for (String typ : new String[] {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+jwt"}) {
            assertThat(rfc9068.verify(typed(typ))).as(typ).isInstanceOf(AccessTokenCheck.Valid.class);
        }
        for (String typ : new String[] {"JWT", "jwt", "application/jwt", "APPLICATION/JWT"}) {
            assertThat(tokens.verify(typed(typ))).as(typ).isInstanceOf(AccessTokenCheck.Valid.class);
        }
        for (String typ : new String[] {"text/at+jwt", "application/application/at+jwt", "application/", "application/jwt", "at+jwt;x=1",
            " at+jwt"}) {
            assertThat(rfc9068.verify(typed(typ))).as(typ).isInstanceOf(AccessTokenCheck.Invalid.class);
        }
    }

    /** One of our tokens, signed again under {@code typ}. */
    private String typed(String typ) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.signingKeyId()).type(new JOSEObjectType(typ)).build(),
                JWTClaimsSet.parse(json(tokens.issue(claims(NOW)).split("\\.")[1])));
        jwt.sign(keys.signer());
        return jwt.serialize();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void another_spelling_of_the_same_signature_is_refused(String algorithm) {
        var keySet = SigningKeys.generate(JWSAlgorithm.parse(algorithm), RANDOM);
        var verifier = tokensAt(keySet, NOW);
        String[] token = verifier.issue(claims(NOW)).split("\\.");
        assertThat(verifier.verify(String.join(".", token))).isInstanceOf(AccessTokenCheck.Valid.class);
        assertThat(Base64.getUrlDecoder().decode(flipLowBit(token[2]))).as("the same bytes").isEqualTo(Base64.getUrlDecoder().decode(token[2]));
        for (String signature : new String[] {flipLowBit(token[2]), token[2] + "==", standardAlphabet(token[2])}) {
            assertThat(verifier.verify(token[0] + "." + token[1] + "." + signature)).as(signature).isInstanceOf(AccessTokenCheck.Invalid.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void a_token_is_a_compact_jws_of_exactly_the_header_and_claims_of_the_contract(String algorithm) throws Exception {
        var keySet = SigningKeys.generate(JWSAlgorithm.parse(algorithm), RANDOM);
        AccessTokenClaims claims = claims(NOW);
        String token = tokensAt(keySet, NOW).issue(claims);

        SignedJWT parsed = SignedJWT.parse(token);
        assertThat(parsed.verify(keySet.verificationKey(keySet.signingKeyId()).orElseThrow().verifier())).isTrue();
        assertThat(json(token.split("\\.")[0])).containsExactlyInAnyOrderEntriesOf(
                Map.of("alg", algorithm, "kid", keySet.signingKeyId(), "typ", "JWT"));
        assertThat(parsed.getJWTClaimsSet().toJSONObject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "iss", ISSUER, "sub", claims.subject().toString(), "aud", "api", "client_id", "api",
                "sid", claims.sessionId().toString(), "iat", NOW.getEpochSecond(),
                "exp", claims.expiresAt().getEpochSecond(), "jti", claims.tokenId()));
    }

    @Test
    void claim_values_are_json_strings_whatever_they_contain() throws Exception {
        String odd = "quote\" backslash\\ newline\n nul\u0000 unit\u001f é 𝄞 \u2028 </script> &='";
        var claims = new AccessTokenClaims(odd, new UserId(UUID.randomUUID()), "api", new ClientId(odd),
                new FamilyId(UUID.randomUUID()), NOW, NOW.plusSeconds(900), odd);
        String token = tokens.issue(claims);

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(payload.chars().filter(c -> c < 0x20)).as("no raw control character (RFC 8259 §7)").isEmpty();
        var parsed = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(parsed.getIssuer()).isEqualTo(odd);
        assertThat(parsed.getStringClaim("client_id")).isEqualTo(odd);
        assertThat(parsed.getJWTID()).isEqualTo(odd);
    }

    @Test
    void header_and_payload_must_be_canonical_too() {
        String[] token = tokens.issue(claims(NOW)).split("\\.");
        for (int part = 0; part < 2; part++) {
            for (String variant : new String[] {flipLowBit(token[part]), token[part] + "=", token[part] + " ", " " + token[part],
                    token[part].substring(0, 4) + "\n" + token[part].substring(4), standardAlphabet(token[part])}) {
                String[] altered = token.clone();
                altered[part] = variant;
                assertInvalid(String.join(".", altered));
            }
        }
        assertInvalid(String.join(".", token) + ".");
        assertInvalid(String.join(".", token) + " ");
    }

    private void assertInvalid(String token) {
        assertThat(tokens.verify(token)).as(token).isInstanceOf(AccessTokenCheck.Invalid.class);
    }

    /** The last character with its lowest bit flipped: the same bytes when that bit is unused. */
    private static String flipLowBit(String part) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char flipped = alphabet.charAt(alphabet.indexOf(part.charAt(part.length() - 1)) ^ 1);
        return part.substring(0, part.length() - 1) + flipped;
    }

    /** {@code part} in the +/ alphabet, or with a {@code +} in front when it has no - or _. */
    private static String standardAlphabet(String part) {
        String standard = part.replace('-', '+').replace('_', '/');
        return standard.equals(part) ? "+" + part.substring(1) : standard;
    }
}
