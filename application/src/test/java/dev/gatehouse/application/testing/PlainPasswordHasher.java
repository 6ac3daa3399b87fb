package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.PasswordHasher;
import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;

/** A reversible stand-in for Argon2id ("v2:" + password) that counts its work. "v1:" hashes are outdated. */
public final class PlainPasswordHasher implements PasswordHasher {

    public int hashes;
    public int checks;
    /** Runs inside every check, while the password is being "hashed": lets a test act in the middle of a sign-in. */
    public Runnable whileChecking = () -> { };

    @Override
    public PasswordHash hash(Password password) {
        hashes++;
        return new PasswordHash("v2:" + password.reveal());
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        checks++;
        whileChecking.run();
        return hash.encoded().substring(3).equals(password.reveal());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith("v2:");
    }
}
