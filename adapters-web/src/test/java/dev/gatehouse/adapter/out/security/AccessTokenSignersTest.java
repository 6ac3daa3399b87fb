package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Native (AWS-LC) signatures verify with the JDK and Bouncy Castle verifiers, Ed25519 ones are the same
 * bytes as Bouncy Castle's (RFC 8032 §5.1.6 is deterministic), and without the native provider the former
 * signers sign.
 */
class AccessTokenSignersTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] INPUT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void the_native_provider_signs_on_linux_x86_64() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the native provider is shipped for Linux x86-64 only");
        assertThat(AccessTokenSigners.nativeProvider()).isPresent();
        var keys = SigningKeys.fromJwkSet("{\"keys\":[" + SigningKeys.generateKey(JWSAlgorithm.RS256, RANDOM, "k").toJSONString() + "]}",
                JWSAlgorithm.RS256);
        assertThat(keys.signerProvider()).isEqualTo(AccessTokenSigners.nativeProvider().get().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void native_and_former_signatures_verify_with_the_former_verifiers(String name) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
        JWK key = SigningKeys.generateKey(algorithm, RANDOM, "k");
        for (Optional<Provider> provider : List.of(AccessTokenSigners.nativeProvider(), Optional.<Provider>empty())) {
            JWSSigner signer = AccessTokenSigners.of(key, provider);
            var header = new JWSHeader(algorithm);
            Base64URL signature = signer.sign(header, INPUT);
            assertThat(verifies(key, header, signature)).as("%s by %s", name, provider).isTrue();
            assertThat(verifies(key, header, Base64URL.encode(INPUT))).isFalse();
        }
    }

    @Test
    void native_ed25519_signatures_are_bouncy_castles_bytes_on_every_thread() throws Exception {
        assumeTrue(AccessTokenSigners.nativeProvider().isPresent(), "no native provider on this host");
        var key = (OctetKeyPair) SigningKeys.generateKey(JWSAlgorithm.EdDSA, RANDOM, "k");
        JWSSigner former = Ed25519Jws.signer(key);
        JWSSigner fast = AccessTokenSigners.of(key, AccessTokenSigners.nativeProvider());
        var header = new JWSHeader(JWSAlgorithm.EdDSA);
        Base64URL expected = former.sign(header, INPUT);
        Callable<Base64URL> twice = () -> {
            fast.sign(header, "another message".getBytes(StandardCharsets.US_ASCII));
            return fast.sign(header, INPUT);
        };
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (var result : pool.invokeAll(List.of(twice, twice, twice, twice))) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static boolean verifies(JWK key, JWSHeader header, Base64URL signature) throws Exception {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toRSAPublicKey()).verify(header, INPUT, signature);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toECPublicKey()).verify(header, INPUT, signature);
        }
        return Ed25519Jws.verifier((OctetKeyPair) key).verify(header, INPUT, signature);
    }
}
