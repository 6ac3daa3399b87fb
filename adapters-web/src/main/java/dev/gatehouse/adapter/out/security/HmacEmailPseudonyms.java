package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.EmailPseudonyms;
import dev.gatehouse.domain.user.EmailAddress;
import dev.gatehouse.domain.user.EmailPseudonym;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@link EmailPseudonyms} as {@code base64url(HMAC-SHA256(key, canonical e-mail))} (RFC 2104), 43
 * characters, where {@code key} is derived from the newest refresh secret by one HKDF-Expand step
 * (RFC 5869 §2.3, info {@value #INFO}; the extract step is skipped because the secret already is a
 * uniformly random key, §3.3). So pseudonyms agree across instances and restarts, cannot be recomputed
 * from a database dump, and never reveal the refresh secret (a separate key per purpose).
 */
final class HmacEmailPseudonyms implements EmailPseudonyms {

    static final String INFO = "gatehouse email pseudonym v1";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    HmacEmailPseudonyms(RefreshSecret refreshSecret) {
        this.key = new SecretKeySpec(refreshSecret.proof(INFO + "\u0001"), HMAC);
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    @Override
    public EmailPseudonym of(EmailAddress email) {
        byte[] hash = macs.get().doFinal(email.value().getBytes(StandardCharsets.UTF_8));
        return new EmailPseudonym(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
