package dev.gatehouse.application.port.out.mail;

import java.util.Arrays;
import java.util.Objects;

/**
 * A mail's content as stored: {@code ciphertext} under the key named by {@code keyId} (see {@link MailSealer}).
 * {@code toString} shows the key id only.
 */
public record SealedContent(String keyId, byte[] ciphertext) {

    public SealedContent {
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedContent that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedContent[" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
