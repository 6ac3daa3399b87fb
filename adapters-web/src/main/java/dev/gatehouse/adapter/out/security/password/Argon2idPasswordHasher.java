package dev.gatehouse.adapter.out.security.password;

import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id (RFC 9106) at {@link Argon2Cost#OWASP} by default (19 MiB, 2 passes, 1 lane), 16-byte random salt,
 * 32-byte tag, stored as a PHC string: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>} (unpadded standard
 * Base64). Hashes with other parameters still verify and are reported by {@link #needsRehash}. Every hash runs
 * through the {@link HashingGate} in this hasher's lane.
 */
final class Argon2idPasswordHasher implements PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;

    private final Argon2Cost cost;
    private final NativeArgon2id argon2;
    private final HashingGate gate;
    private final HashingGate.Lane lane;
    private final SecureRandom random;

    Argon2idPasswordHasher(Argon2Cost cost, NativeArgon2id argon2, HashingGate gate, HashingGate.Lane lane, SecureRandom random) {
        this.cost = cost;
        this.argon2 = argon2;
        this.gate = gate;
        this.lane = lane;
        this.random = random;
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] tag = tag(password, salt, cost, TAG_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new PasswordHash("$argon2id$v=19$" + cost + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(tag));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        Matcher phc = PHC.matcher(hash.encoded());
        if (!phc.matches()) {
            return false;
        }
        Argon2Cost stored;
        try {
            stored = costOf(phc);
        } catch (IllegalArgumentException outOfRange) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(phc.group(4));
        byte[] expected = Base64.getDecoder().decode(phc.group(5));
        return MessageDigest.isEqual(expected, tag(password, salt, stored, expected.length));
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

    private byte[] tag(Password password, byte[] salt, Argon2Cost cost, int tagLength) {
        byte[] secret = password.reveal().getBytes(StandardCharsets.UTF_8);
        return gate.run(lane, () -> argon2.tag(secret, salt, cost, tagLength));
    }

    private static Argon2Cost costOf(Matcher phc) {
        return new Argon2Cost(Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)), Integer.parseInt(phc.group(3)));
    }
}
