package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.domain.user.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * E-mail tokens: 32 bytes from a {@link SecureRandom} (256 bits), base64url without padding (43
 * characters). Stored is {@code base64url(HMAC-SHA256(key, "gatehouse-et-v1:" + token))}, so the store
 * alone never yields a usable token. The keys are derived from the refresh-token secrets with their own label
 * ({@link #deriveKey}), so no further secret needs configuring and the two uses never share a key: the newest
 * secret's key hashes new tokens, and a presented token is also hashed under the keys of the older secrets of
 * the ring, so that moving a new secret first voids no link in flight, not even while instances disagree on
 * the order during the rollout; removing a secret voids the links hashed under it.
 */
final class HmacEmailTokenCodec implements EmailTokenCodec {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String CONTEXT = "gatehouse-et-v1:";
    private static final String KEY_LABEL = "gatehouse-email-token-key-v1";

    private final List<SecretKeySpec> keys;
    private final SecureRandom random;

    /** @param keys the current key first, then the earlier ones that still verify; at least 32 bytes each */
    HmacEmailTokenCodec(List<byte[]> keys, SecureRandom random) {
        if (keys.isEmpty() || keys.stream().anyMatch(key -> key.length < 32)) {
            throw new IllegalArgumentException("e-mail token keys must have at least 32 bytes, and there must be one");
        }
        this.keys = keys.stream().map(key -> new SecretKeySpec(key.clone(), "HmacSHA256")).toList();
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
        return new NewToken(token, hash(keys.get(0), token));
    }

    @Override
    public List<TokenHash> hashesOf(String presented) {
        if (presented == null || !FORMAT.matcher(presented).matches()) {
            return List.of();
        }
        return keys.stream().map(key -> hash(key, presented)).toList();
    }

    private static TokenHash hash(SecretKeySpec key, String token) {
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
