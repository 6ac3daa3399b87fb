package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.IdGenerator;
import java.security.SecureRandom;
import java.util.UUID;

/** Version-4 UUIDs (122 random bits) from a {@link SecureRandom}. */
final class SecureRandomIds implements IdGenerator {

    private final SecureRandom random;

    SecureRandomIds(SecureRandom random) {
        this.random = random;
    }

    @Override
    public UUID next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least);
    }
}
