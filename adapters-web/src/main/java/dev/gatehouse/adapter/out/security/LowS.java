package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * ES256 signatures in one spelling. An ECDSA signature (r, s) verifies exactly as (r, n − s) does, so anybody can
 * turn any ES256 token into a second valid token string. This service signs only the "low S" form, s ≤ n/2 (as
 * Bitcoin's BIP 62 and libsecp256k1 do), and accepts only that form, as it accepts only canonical base64url: a token
 * has one spelling (SECURITY-CHECKLIST). Other verifiers accept both forms, so the tokens stay standard ES256 (RFC
 * 7518 §3.4: the JWS signature is r and s, 32 bytes each, big-endian).
 */
final class LowS {

    /** The order n of the P-256 group (SEC 2 §2.4.2, FIPS 186-4 D.1.2.3). */
    static final BigInteger ORDER = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = ORDER.shiftRight(1);
    private static final int HALF = 32;

    private LowS() {
    }

    /** {@code ecdsa}'s signatures, each with s ≤ n/2: an s above is replaced by n − s, which verifies alike. */
    static JWSSigner signer(JWSSigner ecdsa) {
        return new Signer(ecdsa);
    }

    /** {@code ecdsa}, refusing a signature that is not 64 bytes or whose s is above n/2. */
    static JWSVerifier verifier(JWSVerifier ecdsa) {
        return new Verifier(ecdsa);
    }

    private static final class Signer extends Wrapping implements JWSSigner {
        private final JWSSigner ecdsa;

        Signer(JWSSigner ecdsa) {
            super(ecdsa);
            this.ecdsa = ecdsa;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            byte[] rs = ecdsa.sign(header, signingInput).decode();
            BigInteger s = s(rs);
            if (s.compareTo(HALF_ORDER) > 0) {
                byte[] low = ORDER.subtract(s).toByteArray(); // 31 to 33 bytes: a sign byte, or leading zeros dropped
                Arrays.fill(rs, HALF, rs.length, (byte) 0);
                int length = Math.min(low.length, HALF);
                System.arraycopy(low, low.length - length, rs, rs.length - length, length);
            }
            return Base64URL.encode(rs);
        }
    }

    private static final class Verifier extends Wrapping implements JWSVerifier {
        private final JWSVerifier ecdsa;

        Verifier(JWSVerifier ecdsa) {
            super(ecdsa);
            this.ecdsa = ecdsa;
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            byte[] rs = signature.decode();
            return rs.length == 2 * HALF && s(rs).compareTo(HALF_ORDER) <= 0 && ecdsa.verify(header, signingInput, signature);
        }
    }

    /** The algorithms and JCA context of the wrapped signer or verifier. */
    private abstract static class Wrapping implements JWSProvider {
        private final JWSProvider wrapped;

        Wrapping(JWSProvider wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return wrapped.supportedJWSAlgorithms();
        }

        @Override
        public JCAContext getJCAContext() {
            return wrapped.getJCAContext();
        }
    }

    private static BigInteger s(byte[] rs) {
        return new BigInteger(1, Arrays.copyOfRange(rs, rs.length / 2, rs.length));
    }
}
