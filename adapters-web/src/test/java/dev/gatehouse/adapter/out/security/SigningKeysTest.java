package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configured key sets: the first key signs, every key verifies and is published, bad sets stop the start. */
class SigningKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void the_first_key_signs_and_every_public_part_is_published() throws Exception {
        var next = SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "next");
        var previous = SigningKeys.generateKey(JWSAlgorithm.ES256, RANDOM, "previous");
        var keys = SigningKeys.fromJwkSet(new JWKSet(List.of(next, previous.toPublicJWK())).toString(false), JWSAlgorithm.EdDSA);
        assertThat(keys.signingKeyId()).isEqualTo("next");
        assertThat(keys.verificationKey("previous")).isPresent();
        assertThat(keys.publicJwkSet().toString()).contains("next", "previous").doesNotContain("\"d\"");
    }

    @Test
    void a_key_set_that_cannot_sign_as_configured_is_refused() throws Exception {
        var ed = SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "ed");
        assertRefused(new JWKSet(ed).toString(false), JWSAlgorithm.RS256);
        assertRefused(new JWKSet(ed.toPublicJWK()).toString(false), JWSAlgorithm.EdDSA);
        assertRefused(new JWKSet(new RSAKeyGenerator(1024, true).keyID("weak").generate()).toString(false), JWSAlgorithm.RS256);
        assertRefused(new JWKSet(new OctetSequenceKeyGenerator(256).keyID("hmac").generate()).toString(false), JWSAlgorithm.EdDSA);
        assertRefused(new JWKSet(List.of(ed, SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "ed"))).toString(false), JWSAlgorithm.EdDSA);
        assertRefused("{\"keys\":[]}", JWSAlgorithm.EdDSA);
        assertRefused("not json", JWSAlgorithm.EdDSA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ES256", "EdDSA", "RS256"})
    void a_signing_key_whose_private_part_belongs_to_another_key_is_refused(String name) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        Map<String, Object> mixed = SigningKeys.generateKey(algorithm, RANDOM, "mixed").toJSONObject();
        Map<String, Object> other = SigningKeys.generateKey(algorithm, RANDOM, "other").toJSONObject();
        for (String member : List.of("d", "p", "q", "dp", "dq", "qi")) {
            if (other.containsKey(member)) {
                mixed.put(member, other.get(member));
            }
        }
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(JSONObjectUtils.toJSONString(Map.of("keys", List.of(mixed))), algorithm))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(SigningKeys.KEY)
                .hasMessageNotContaining((String) other.get("d"));
    }

    @Test
    void a_key_that_claims_another_algorithm_or_use_is_refused_and_jwks_shows_only_what_each_key_is() throws Exception {
        var rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        assertRefused(new JWKSet(new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.HS256).build()).toString(false), JWSAlgorithm.RS256);
        assertRefused(new JWKSet(new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.ES256).build()).toString(false), JWSAlgorithm.RS256);
        assertRefused(new JWKSet(new RSAKey.Builder(rsa).keyUse(KeyUse.ENCRYPTION).build()).toString(false), JWSAlgorithm.RS256);

        var withOps = new RSAKey.Builder(rsa).keyOperations(Set.of(KeyOperation.SIGN)).build();
        Map<String, Object> published = SigningKeys.fromJwkSet(new JWKSet(withOps).toString(false), JWSAlgorithm.RS256).publicJwkSet();
        assertThat(published.get("keys")).asList().singleElement().asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("kty", "kid", "use", "alg", "n", "e").containsEntry("use", "sig").containsEntry("alg", "RS256");
    }

    @Test
    void every_refusal_names_the_configuration_key() throws Exception {
        var ed = SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "ed");
        for (String json : List.of(new JWKSet(ed.toPublicJWK()).toString(false), "{\"keys\":[]}",
                new JWKSet(List.of(ed, ed)).toString(false), new JWKSet(new RSAKeyGenerator(1024, true).keyID("weak").generate()).toString(false))) {
            assertThatThrownBy(() -> SigningKeys.fromJwkSet(json, JWSAlgorithm.EdDSA)).hasMessageStartingWith(SigningKeys.KEY);
        }
    }

    private static void assertRefused(String json, JWSAlgorithm algorithm) {
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(json, algorithm)).isInstanceOf(IllegalArgumentException.class);
    }
}
