package dev.gatehouse.adapter.out.security;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Optional;

/**
 * The signing half of the access-token keys. Where the Amazon Corretto Crypto Provider's native library
 * (AWS-LC) loads — Linux x86-64, the one build shipped — it computes every signature: RS256 (RFC 7518 §3.3),
 * ES256 (§3.4, in its {@linkplain LowS low-S} form) and EdDSA over Ed25519 (RFC 8037). Elsewhere the signers are the former ones: the JDK for RSA,
 * Bouncy Castle for P-256 and Ed25519. Either way the tokens are the same JWS, and Ed25519 signatures are
 * even the same bytes (RFC 8032 signing is deterministic). Verification never uses the native provider.
 * Why: docs/adr/0008-native-signing.md (RS256 signs about three times, Ed25519 twice as fast here).
 * The provider is used only through these signers; it is not installed as a JCA provider.
 */
final class AccessTokenSigners {

    private AccessTokenSigners() {
    }

    /** The native provider, if its library loaded and passed its self-checks on this host. */
    static Optional<Provider> nativeProvider() {
        return Native.PROVIDER;
    }

    /** A signer for the private part of {@code key}, computed by {@code nativeProvider} if present. */
    static JWSSigner of(JWK key, Optional<Provider> nativeProvider) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            if (nativeProvider.isEmpty()) {
                return new RSASSASigner(rsa);
            }
            var signer = new RSASSASigner(translate(rsa.toPrivateKey(), nativeProvider.get()));
            signer.getJCAContext().setProvider(nativeProvider.get());
            return signer;
        }
        if (key instanceof ECKey ec) {
            if (nativeProvider.isEmpty()) {
                var signer = new ECDSASigner(ec);
                signer.getJCAContext().setProvider(SigningKeys.BouncyCastleJca.PROVIDER);
                return LowS.signer(signer);
            }
            var signer = new ECDSASigner((ECPrivateKey) translate(ec.toPrivateKey(), nativeProvider.get()));
            signer.getJCAContext().setProvider(nativeProvider.get());
            return LowS.signer(signer);
        }
        var okp = (OctetKeyPair) key;
        return nativeProvider.isEmpty() ? Ed25519Jws.signer(okp) : new NativeEd25519(okp, nativeProvider.get());
    }

    /** The provider's own form of the key, made once instead of on every signature. */
    private static PrivateKey translate(PrivateKey key, Provider provider) throws JOSEException {
        try {
            return (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), provider).translateKey(key);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the native provider cannot use the " + key.getAlgorithm() + " signing key", e);
        }
    }

    /**
     * Ed25519 through the provider's {@code Signature}. One initialised {@code Signature} per thread: after
     * {@code sign()} a JCA signature is ready for the next message with the same key.
     */
    private static final class NativeEd25519 extends Ed25519Jws.EdDsaSigner {
        private final ThreadLocal<Signature> signatures;

        NativeEd25519(OctetKeyPair key, Provider provider) throws JOSEException {
            Ed25519Jws.requireEd25519(key);
            getJCAContext().setProvider(provider);
            PrivateKey privateKey;
            try {
                privateKey = KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.getDecodedD()));
                initialised(privateKey, provider);
            } catch (GeneralSecurityException e) {
                throw new JOSEException("the native provider cannot use the Ed25519 signing key", e);
            }
            this.signatures = ThreadLocal.withInitial(() -> {
                try {
                    return initialised(privateKey, provider);
                } catch (GeneralSecurityException checkedAbove) {
                    throw new IllegalStateException(checkedAbove);
                }
            });
        }

        private static Signature initialised(PrivateKey key, Provider provider) throws GeneralSecurityException {
            var signature = Signature.getInstance("Ed25519", provider);
            signature.initSign(key);
            return signature;
        }

        @Override
        byte[] signature(byte[] signingInput) throws JOSEException {
            Signature signature = signatures.get();
            try {
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                signatures.remove();
                throw new JOSEException("Ed25519 signing failed", e);
            }
        }
    }

    /** Loaded on first use only: the library is unpacked to {@code java.io.tmpdir} and loaded then. */
    private static final class Native {
        static final Optional<Provider> PROVIDER = load();

        private static Optional<Provider> load() {
            try {
                AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
                return provider.getLoadingError() == null ? Optional.of(provider) : Optional.empty();
            } catch (LinkageError unavailable) {
                return Optional.empty();
            }
        }
    }
}
