package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.user.Password;
import dev.gatehouse.domain.user.PasswordHash;

/**
 * Slow, salted password hashing (OWASP Password Storage Cheat Sheet). Implementations bound how many
 * hashes run at once and throw {@link dev.gatehouse.application.port.HashingCapacityExceededException} instead of queueing without
 * limit, so that a flood of sign-ins cannot starve the rest of the service.
 */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** Whether the password matches, compared in constant time. False for a hash it cannot read. */
    boolean matches(Password password, PasswordHash hash);

    /** Whether the hash was made with other parameters than the current ones and should be redone. */
    boolean needsRehash(PasswordHash hash);
}
