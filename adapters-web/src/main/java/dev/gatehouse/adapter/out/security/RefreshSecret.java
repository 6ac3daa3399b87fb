package dev.gatehouse.adapter.out.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One server-side secret of refresh tokens (HMAC-SHA256 key, at least 256 bits) and its key id. The single
 * {@code gatehouse.keys.refresh-secret} has no id: its tokens carry none. Never printed.
 */
final class RefreshSecret {

    static final int MIN_BYTES = 32;

    private final String id;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private RefreshSecret(String id, byte[] secret) {
        if (secret.length < MIN_BYTES) {
            throw new IllegalArgumentException("a refresh-token secret must have at least " + MIN_BYTES + " bytes");
        }
        this.id = id;
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A secret of the key ring, named by {@code id} in the tokens it proves. */
    static RefreshSecret identified(String id, byte[] secret) {
        return new RefreshSecret(id, secret);
    }

    /** The single secret of {@code gatehouse.keys.refresh-secret}, whose tokens name no key. */
    static RefreshSecret unidentified(byte[] secret) {
        return new RefreshSecret(null, secret);
    }

    Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** HMAC-SHA256 of {@code input} (US-ASCII) under this secret. */
    byte[] proof(String input) {
        return macs.get().doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    boolean sameSecretAs(RefreshSecret other) {
        return MessageDigest.isEqual(key.getEncoded(), other.key.getEncoded());
    }

    @Override
    public String toString() {
        return "RefreshSecret[" + (id == null ? "no id" : id) + ", secret redacted]";
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
