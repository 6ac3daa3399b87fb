package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.mail.MailSealer;
import dev.gatehouse.application.port.out.mail.SealedContent;

/**
 * Seals by flipping every bit under one key id, so that a test sees the content is not stored as given; opens only
 * what carries its key id (any other is a key it does not have).
 */
public final class FakeMailSealer implements MailSealer {

    private final String keyId;

    public FakeMailSealer(String keyId) {
        this.keyId = keyId;
    }

    @Override
    public SealedContent seal(byte[] content) {
        return new SealedContent(keyId, flipped(content));
    }

    @Override
    public Unsealed open(SealedContent sealed) {
        return keyId.equals(sealed.keyId()) ? new Unsealed.Opened(flipped(sealed.ciphertext())) : new Unsealed.KeyUnknown(sealed.keyId());
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] result = bytes.clone();
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) ~result[i];
        }
        return result;
    }
}
