package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Fresh production key material, in the form {@code gatehouse.keys.*} expects. For the operator's command line. */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /** A JWK Set (private parts included) with one new key for {@code algorithm}: RS256, ES256 or EdDSA. */
    public static String signingKeySet(String algorithm, SecureRandom random) {
        JWSAlgorithm parsed = JWSAlgorithm.parse(algorithm);
        try {
            var key = SigningKeys.generateKey(parsed, random, LocalDate.now(ZoneOffset.UTC) + "-" + Long.toHexString(random.nextLong()));
            return new JWKSet(key).toString(false);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a " + algorithm + " key", e);
        }
    }

    /** 32 random bytes, base64url. */
    public static String refreshSecret(SecureRandom random) {
        byte[] secret = new byte[RefreshSecret.MIN_BYTES];
        random.nextBytes(secret);
        return CanonicalBase64Url.encode(secret);
    }

    /**
     * An entry for {@code gatehouse.keys.refresh-secrets}: {@code r<yyyyMMdd>-<6 random hex digits>:<32 random bytes,
     * base64url>}. The random part keeps two entries made on one day apart (an emergency rotation on the day of the
     * last one), within the ring's 16 characters per id.
     */
    public static String refreshSecretEntry(SecureRandom random) {
        return "r" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + String.format("%06x", random.nextInt(1 << 24)) + ":" + refreshSecret(random);
    }
}
