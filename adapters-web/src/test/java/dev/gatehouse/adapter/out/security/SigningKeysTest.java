package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static void assertRefused(String json, JWSAlgorithm algorithm) {
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(json, algorithm)).isInstanceOf(IllegalArgumentException.class);
    }
}
