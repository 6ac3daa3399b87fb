package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.domain.user.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * E-mail tokens: 32 bytes from a {@link SecureRandom} (256 bits), base64url without padding (43
 * characters). Stored is {@code base64url(HMAC-SHA256(key, "gatehouse-et-v1:" + token))}, so the store
 * alone never yields a usable token. The key is derived from a refresh-token secret with its own label
 * ({@link #deriveKey}), so no further secret needs configuring and the two uses never share a key.
 */
final class HmacEmailTokenCodec implements EmailTokenCodec {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String CONTEXT = "gatehouse-et-v1:";
    private static final String KEY_LABEL = "gatehouse-email-token-key-v1";

    private final SecretKeySpec key;
    private final SecureRandom random;

    HmacEmailTokenCodec(byte[] key, SecureRandom random) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the e-mail token key must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.random = random;
    }

    /** The key of e-mail tokens for a refresh-token secret: {@code HMAC-SHA256(secret, label)}. */
    static byte[] deriveKey(RefreshSecret refreshSecret) {
        return refreshSecret.proof(KEY_LABEL);
    }

    @Override
    public NewToken generate() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new NewToken(token, hash(token));
    }

    @Override
    public Optional<TokenHash> hashOf(String presented) {
        return presented != null && FORMAT.matcher(presented).matches() ? Optional.of(hash(presented)) : Optional.empty();
    }

    private TokenHash hash(String token) {
        return new TokenHash(Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, CONTEXT + token)));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
