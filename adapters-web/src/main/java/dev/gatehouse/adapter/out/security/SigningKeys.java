package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The access-token keys: the first key of the configured JWK Set signs; every key's public part
 * verifies and is published in JWKS (so the next key can be announced before it signs, and the previous
 * one kept until its last token expired; a key after the first may be public only). Algorithms follow the
 * key type: RSA (2048 bits or more) → RS256, EC P-256 → ES256, OKP Ed25519 → EdDSA. Never {@code none},
 * never HMAC. A key that says otherwise in its own {@code alg} or {@code use} (RFC 7517 §4.2, §4.4) is
 * refused, and JWKS publishes what each key really is: its public members, {@code kid}, {@code use: sig}
 * and the algorithm, nothing copied from the configuration. The signing key must be one key pair: its
 * signature of a probe must verify with its public part, or no token it signs would verify anywhere.
 */
final class SigningKeys {

    static final String KEY = "gatehouse.keys.signing";

    /** A key that may verify tokens whose header names its {@code kid} and {@code alg}. */
    record VerificationKey(JWSAlgorithm algorithm, JWSVerifier verifier) {
    }

    private final String signingKeyId;
    private final JWSAlgorithm signingAlgorithm;
    private final JWSSigner signer;
    private final Map<String, VerificationKey> verificationKeys;
    private final JWKSet publicKeys;

    private SigningKeys(List<JWK> keys, JWSAlgorithm configuredAlgorithm) throws JOSEException {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the signing JWK Set has no keys");
        }
        JWK first = keys.get(0);
        if (!algorithmOf(first).equals(configuredAlgorithm)) {
            throw new IllegalArgumentException("the first signing key (kid " + first.getKeyID() + ") is for "
                    + algorithmOf(first) + " but gatehouse.tokens.signing-algorithm is " + configuredAlgorithm);
        }
        if (!first.isPrivate()) {
            throw new IllegalArgumentException("the first signing key (kid " + first.getKeyID() + ") has no private part");
        }
        this.signingKeyId = first.getKeyID();
        this.signingAlgorithm = configuredAlgorithm;
        this.signer = AccessTokenSigners.of(first, AccessTokenSigners.nativeProvider());
        Map<String, VerificationKey> verifiers = new LinkedHashMap<>();
        for (JWK key : keys) {
            if (key.getKeyID() == null || key.getKeyID().isBlank()) {
                throw new IllegalArgumentException("every signing key needs a kid");
            }
            requireOwnMetadata(key);
            if (verifiers.put(key.getKeyID(), new VerificationKey(algorithmOf(key), verifierFor(key))) != null) {
                throw new IllegalArgumentException("duplicate kid " + key.getKeyID());
            }
        }
        this.verificationKeys = Map.copyOf(verifiers);
        requireOnePair(first);
        this.publicKeys = new JWKSet(keys.stream().map(SigningKeys::published).toList());
    }

    /** A key's own {@code alg} and {@code use}, when it has them, must be what it is used for here. */
    private static void requireOwnMetadata(JWK key) {
        if (key.getAlgorithm() != null && !key.getAlgorithm().equals(algorithmOf(key))) {
            throw new IllegalArgumentException("the key with kid " + key.getKeyID() + " says alg " + key.getAlgorithm()
                    + " but is a key for " + algorithmOf(key) + ": give it alg " + algorithmOf(key) + " or none");
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw new IllegalArgumentException("the key with kid " + key.getKeyID() + " says use " + key.getKeyUse().identifier()
                    + ": a signing key says use sig, or nothing");
        }
    }

    /** The signer's signature of a probe verifies with the published public part, or the key's members are of two keys. */
    private void requireOnePair(JWK first) throws JOSEException {
        var header = new JWSHeader.Builder(signingAlgorithm).keyID(signingKeyId).build();
        byte[] probe = "gatehouse signing-key probe".getBytes(StandardCharsets.US_ASCII);
        if (!verificationKeys.get(signingKeyId).verifier().verify(header, probe, signer.sign(header, probe))) {
            throw new IllegalArgumentException("the first signing key (kid " + first.getKeyID() + ") signs what its public part "
                    + "does not verify: its private and public members are not one key pair");
        }
    }

    /** What JWKS shows of a key: its public members, kid, use and algorithm (RFC 7517 §4, RFC 7518 §6, RFC 8037 §2). */
    private static JWK published(JWK key) {
        if (key instanceof RSAKey rsa) {
            return new RSAKey.Builder(rsa.getModulus(), rsa.getPublicExponent()).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithmOf(key)).build();
        }
        if (key instanceof ECKey ec) {
            return new ECKey.Builder(ec.getCurve(), ec.getX(), ec.getY()).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithmOf(key)).build();
        }
        var okp = (OctetKeyPair) key;
        return new OctetKeyPair.Builder(okp.getCurve(), okp.getX()).keyID(key.getKeyID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(algorithmOf(key)).build();
    }

    /**
     * Parses a JWK Set (JSON) of which the first key signs with {@code algorithm}.
     *
     * @throws IllegalArgumentException naming {@value #KEY}, with the reason and the key's {@code kid} (never its material)
     */
    static SigningKeys fromJwkSet(String json, JWSAlgorithm algorithm) {
        try {
            return new SigningKeys(JWKSet.parse(json).getKeys(), algorithm);
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " is not a usable JWK Set: " + e.getMessage(), e);
        }
    }

    /** A fresh key pair for {@code algorithm}, for development only. */
    static SigningKeys generate(JWSAlgorithm algorithm, SecureRandom random) {
        try {
            return new SigningKeys(List.of(generateKey(algorithm, random, "dev-" + Long.toHexString(random.nextLong()))), algorithm);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + algorithm + " key", e);
        }
    }

    String signingKeyId() {
        return signingKeyId;
    }

    JWSAlgorithm signingAlgorithm() {
        return signingAlgorithm;
    }

    JWSSigner signer() {
        return signer;
    }

    /** Who computes the signatures: the JCA provider of the signer (for the start-up log). */
    String signerProvider() {
        return signer.getJCAContext().getProvider() == null ? "JDK / Bouncy Castle" : signer.getJCAContext().getProvider().getName();
    }

    Optional<VerificationKey> verificationKey(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(verificationKeys.get(kid));
    }

    /** The public keys as an RFC 7517 JWK Set document. */
    Map<String, Object> publicJwkSet() {
        return publicKeys.toJSONObject(true);
    }

    static JWSAlgorithm algorithmOf(JWK key) {
        if (key instanceof RSAKey rsa && rsa.size() >= 2048) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return JWSAlgorithm.EdDSA;
        }
        throw new IllegalArgumentException("unsupported signing key (kid " + key.getKeyID()
                + "): use RSA of at least 2048 bits, EC P-256 or OKP Ed25519");
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toRSAPublicKey());
        }
        if (key instanceof ECKey ec) {
            var verifier = new ECDSAVerifier(ec.toECPublicKey());
            verifier.getJCAContext().setProvider(BouncyCastleJca.PROVIDER);
            return LowS.verifier(verifier);
        }
        return Ed25519Jws.verifier((OctetKeyPair) key);
    }

    static JWK generateKey(JWSAlgorithm algorithm, SecureRandom random, String kid) throws JOSEException {
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).secureRandom(random).generate();
        }
        if (JWSAlgorithm.ES256.equals(algorithm)) {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).secureRandom(random).generate();
        }
        if (JWSAlgorithm.EdDSA.equals(algorithm)) {
            var generator = new Ed25519KeyPairGenerator();
            generator.init(new Ed25519KeyGenerationParameters(random));
            var pair = generator.generateKeyPair();
            byte[] d = ((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded();
            byte[] x = ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded();
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(d))
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).build();
        }
        throw new IllegalArgumentException("unsupported signing algorithm " + algorithm + ": use RS256, ES256 or EdDSA");
    }

    /** Bouncy Castle's JCA provider, created only when an EC key needs it (it is slow to build). */
    static final class BouncyCastleJca {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
