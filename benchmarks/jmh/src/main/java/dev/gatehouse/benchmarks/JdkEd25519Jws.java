package dev.gatehouse.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Set;

/**
 * EdDSA over Ed25519 with the JDK's own provider ({@code Signature.getInstance("Ed25519")}, SunEC), for
 * comparison only: it is what a resource server on a plain JDK pays to verify the service's EdDSA tokens
 * when it does not bring Bouncy Castle. (Nimbus's own Ed25519 classes need Google Tink, hence this adapter.)
 */
final class JdkEd25519Jws {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.EdDSA);

    private JdkEd25519Jws() {
    }

    static JWSSigner signer(PrivateKey key) {
        return new JWSSigner() {
            private final JCAContext context = new JCAContext();

            @Override
            public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
                try {
                    Signature signature = Signature.getInstance("Ed25519");
                    signature.initSign(key);
                    signature.update(signingInput);
                    return Base64URL.encode(signature.sign());
                } catch (GeneralSecurityException e) {
                    throw new JOSEException(e.getMessage(), e);
                }
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return ALGORITHMS;
            }

            @Override
            public JCAContext getJCAContext() {
                return context;
            }
        };
    }

    static JWSVerifier verifier(PublicKey key) {
        return new JWSVerifier() {
            private final JCAContext context = new JCAContext();

            @Override
            public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
                if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                    return false;
                }
                try {
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(key);
                    verifier.update(signingInput);
                    return verifier.verify(signature.decode());
                } catch (GeneralSecurityException e) {
                    throw new JOSEException(e.getMessage(), e);
                }
            }

            @Override
            public Set<JWSAlgorithm> supportedJWSAlgorithms() {
                return ALGORITHMS;
            }

            @Override
            public JCAContext getJCAContext() {
                return context;
            }
        };
    }
}
