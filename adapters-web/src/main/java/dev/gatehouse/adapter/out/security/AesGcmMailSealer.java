package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.MailSealer;
import dev.gatehouse.application.port.out.mail.SealedContent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals outbox content with AES-256-GCM (NIST SP 800-38D): a fresh 96-bit random nonce per content, a 128-bit tag,
 * the key id as associated data; stored is {@code 0x01 ‖ nonce ‖ ciphertext ‖ tag}. Each refresh secret of the ring
 * yields its own key, {@code HMAC-SHA256(secret, "gatehouse-mail-outbox-key-v1")} (so this key is never the refresh
 * key nor the e-mail link key), and a key id that names the secret without revealing it: the first 9 bytes of
 * {@code HMAC-SHA256(secret, "gatehouse-mail-outbox-key-id-v1")}, base64url (12 characters), so a secret without id
 * (the single {@code gatehouse.keys.refresh-secret}) is named too. The newest secret seals; every secret of the ring
 * opens what it sealed, so putting a new secret first loses no mail waiting; a content whose secret was removed
 * cannot be opened.
 */
final class AesGcmMailSealer implements MailSealer {

    private static final String KEY_LABEL = "gatehouse-mail-outbox-key-v1";
    private static final String ID_LABEL = "gatehouse-mail-outbox-key-id-v1";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private record Key(String id, SecretKeySpec spec) {
    }

    private final List<Key> keys;
    private final SecureRandom random;

    AesGcmMailSealer(RefreshSecretRing ring, SecureRandom random) {
        this.keys = ring.all().stream().map(AesGcmMailSealer::keyOf).toList();
        this.random = random;
    }

    private static Key keyOf(RefreshSecret secret) {
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(secret.proof(ID_LABEL), 9));
        return new Key(id, new SecretKeySpec(secret.proof(KEY_LABEL), "AES"));
    }

    @Override
    public SealedContent seal(byte[] content) {
        Key key = keys.get(0);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, content, 0, content.length);
        return new SealedContent(key.id(), ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array());
    }

    @Override
    public Unsealed open(SealedContent sealed) {
        Optional<Key> key = keys.stream().filter(candidate -> candidate.id().equals(sealed.keyId())).findFirst();
        if (key.isEmpty()) {
            return new Unsealed.KeyUnknown(sealed.keyId());
        }
        byte[] stored = sealed.ciphertext();
        if (stored.length < 1 + NONCE_BYTES + TAG_BITS / 8 || stored[0] != VERSION) {
            return new Unsealed.Unreadable("it is not in a known format");
        }
        try {
            return new Unsealed.Opened(run(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOfRange(stored, 1, 1 + NONCE_BYTES), stored,
                    1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES));
        } catch (AuthenticationFailed altered) {
            return new Unsealed.Unreadable("it fails authentication (altered, or sealed under another key)");
        }
    }

    private static byte[] run(int mode, Key key, byte[] nonce, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.id().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException altered) {
            throw new AuthenticationFailed();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    /** The tag did not match. */
    private static final class AuthenticationFailed extends RuntimeException {
        AuthenticationFailed() {
            super("GCM tag mismatch", null, false, false);
        }
    }
}
