package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * EdDSA over Ed25519 (RFC 8037) for Nimbus, computed by Bouncy Castle's lightweight API: on JDK 17 it is
 * an order of magnitude faster than the JDK provider (see docs/adr/0003-signing-algorithm.md). Public so
 * that the JMH benchmarks (benchmarks/jmh) measure this very code; nothing else outside the package uses it.
 */
public final class Ed25519Jws {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);

    private Ed25519Jws() {
    }

    /** Signs {@code EdDSA} with the private part of {@code key}; refuses a key of another curve. */
    public static JWSSigner signer(OctetKeyPair key) {
        requireEd25519(key);
        var privateKey = new Ed25519PrivateKeyParameters(key.getDecodedD(), 0);
        return new Signer(privateKey);
    }

    /** Verifies {@code EdDSA} with the public part of {@code key}; refuses a key of another curve. */
    public static JWSVerifier verifier(OctetKeyPair key) {
        requireEd25519(key);
        return new Verifier(new Ed25519PublicKeyParameters(key.getDecodedX(), 0));
    }

    static void requireEd25519(OctetKeyPair key) {
        if (!Curve.Ed25519.equals(key.getCurve())) {
            throw new IllegalArgumentException("OKP key " + key.getKeyID() + " is not on Ed25519");
        }
    }

    /** What every EdDSA signer here shares: the one algorithm (a header naming another is refused) and a JCA context. */
    abstract static class EdDsaSigner implements JWSSigner {
        private final JCAContext context = new JCAContext();

        /** The 64-byte Ed25519 signature of {@code signingInput} (RFC 8032 §5.1.6). */
        abstract byte[] signature(byte[] signingInput) throws JOSEException;

        @Override
        public final Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("unsupported algorithm " + header.getAlgorithm());
            }
            return new Base64URL(CanonicalBase64Url.encode(signature(signingInput)));
        }

        @Override
        public final Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ALGORITHMS;
        }

        @Override
        public final JCAContext getJCAContext() {
            return context;
        }
    }

    private static final class Signer extends EdDsaSigner {
        private final Ed25519PrivateKeyParameters key;

        Signer(Ed25519PrivateKeyParameters key) {
            this.key = key;
        }

        @Override
        byte[] signature(byte[] signingInput) {
            var signer = new Ed25519Signer();
            signer.init(true, key);
            signer.update(signingInput, 0, signingInput.length);
            return signer.generateSignature();
        }
    }

    private static final class Verifier implements JWSVerifier {
        private final Ed25519PublicKeyParameters key;
        private final JCAContext context = new JCAContext();

        Verifier(Ed25519PublicKeyParameters key) {
            this.key = key;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                return false;
            }
            byte[] bytes = signature.decode();
            if (bytes.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
                return false;
            }
            var verifier = new Ed25519Signer();
            verifier.init(false, key);
            verifier.update(signingInput, 0, signingInput.length);
            return verifier.verifySignature(bytes);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return ALGORITHMS;
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
