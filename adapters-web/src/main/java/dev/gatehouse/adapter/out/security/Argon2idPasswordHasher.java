package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) with OWASP's parameters by default (19 MiB, 2 passes, 1 lane), 16-byte random salt,
 * 32-byte tag, stored as a PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>} (unpadded
 * standard Base64). Hashes with other parameters still verify and are reported by {@link #needsRehash}.
 */
final class Argon2idPasswordHasher implements PasswordHasher {

    /** Argon2 cost parameters: memory in KiB, passes, lanes. */
    record Cost(int memoryKiB, int iterations, int parallelism) {
        static final Cost OWASP = new Cost(19_456, 2, 1);

        Cost {
            if (memoryKiB < 8 * parallelism || memoryKiB > 1 << 20 || iterations < 1 || iterations > 10
                    || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("Argon2 cost out of range");
            }
        }
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;

    private final Cost cost;
    private final HashingGate gate;
    private final SecureRandom random;

    Argon2idPasswordHasher(Cost cost, HashingGate gate, SecureRandom random) {
        this.cost = cost;
        this.gate = gate;
        this.random = random;
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = gate.run(() -> argon2(password, salt, cost, TAG_BYTES));
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(cost.memoryKiB(), cost.iterations(),
                cost.parallelism(), b64.encodeToString(salt), b64.encodeToString(tag)));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        Matcher phc = PHC.matcher(hash.encoded());
        if (!phc.matches()) {
            return false;
        }
        Cost stored;
        try {
            stored = costOf(phc);
        } catch (IllegalArgumentException outOfRange) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(phc.group(4));
        byte[] expected = Base64.getDecoder().decode(phc.group(5));
        byte[] actual = gate.run(() -> argon2(password, salt, stored, expected.length));
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        Matcher phc = PHC.matcher(hash.encoded());
        try {
            return !phc.matches() || !costOf(phc).equals(cost);
        } catch (IllegalArgumentException outOfRange) {
            return true;
        }
    }

    private static Cost costOf(Matcher phc) {
        return new Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
    }

    private static byte[] argon2(Password password, byte[] salt, Cost cost, int tagLength) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .build());
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password.reveal().getBytes(StandardCharsets.UTF_8), tag);
        return tag;
    }
}
