package dev.gatehouse.adapter.out.security.password;

import dev.gatehouse.application.port.out.PasswordHasher;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password hashing from {@code gatehouse.password-hashing.*}: one {@link HashingGate} shared by two hashers, the
 * primary one for sign-ins (and every other password check) and {@code @Named("registration")} for registrations,
 * which may hold only a quarter of the waiting places. libargon2 is loaded and self-tested at start.
 */
@Factory
class PasswordHashingFactory {

    /** Qualifier of the registration hasher. */
    static final String REGISTRATION = "registration";

    /** Request threads that waiting hashes may never take: refreshes, health checks and the rest need them. */
    static final int THREADS_KEPT_FOR_OTHER_REQUESTS = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashingFactory.class);

    @Singleton
    HashingGate.Limits hashingLimits(
            @Value("${gatehouse.password-hashing.max-concurrent:0}") int maxConcurrent,
            @Value("${gatehouse.password-hashing.max-queued:96}") int maxQueued,
            @Value("${gatehouse.password-hashing.max-wait:10s}") Duration maxWait,
            @Value("${micronaut.executors.blocking.number-of-threads:0}") int requestThreads) {
        if (maxConcurrent < 0 || maxQueued < 0 || maxWait.isNegative() || maxWait.isZero()) {
            throw new ConfigurationException("gatehouse.password-hashing: max-concurrent (0 = one per core) and max-queued "
                    + "must be at least 0, max-wait positive; got " + maxConcurrent + ", " + maxQueued + ", " + maxWait);
        }
        int slots = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        if (requestThreads > 0 && slots + maxQueued > requestThreads - THREADS_KEPT_FOR_OTHER_REQUESTS) {
            throw new ConfigurationException("gatehouse.password-hashing.max-concurrent + max-queued (" + (slots + maxQueued)
                    + ") must leave " + THREADS_KEPT_FOR_OTHER_REQUESTS + " of the " + requestThreads
                    + " micronaut.executors.blocking.number-of-threads to other requests");
        }
        return new HashingGate.Limits(slots, maxQueued, maxWait);
    }

    @Context
    NativeArgon2id argon2(HashingGate.Limits limits) {
        NativeArgon2id argon2 = NativeArgon2id.load(limits.slots(), Argon2Cost.OWASP);
        LOG.info("password hashing: Argon2id {} with libargon2 ({}); {} at once, up to {} waiting ({} registrations), "
                + "at most {} each", Argon2Cost.OWASP, argon2.libraryFile(), limits.slots(), limits.maxWaiting(),
                limits.maxWaitingRegistrations(), limits.maxWait());
        return argon2;
    }

    @Singleton
    HashingGate hashingGate(HashingGate.Limits limits) {
        return new HashingGate(limits, System::nanoTime);
    }

    @Primary
    @Singleton
    PasswordHasher signInHasher(NativeArgon2id argon2, HashingGate gate, SecureRandom random) {
        return new Argon2idPasswordHasher(Argon2Cost.OWASP, argon2, gate, HashingGate.Lane.SIGN_IN, random);
    }

    @Named(REGISTRATION)
    @Singleton
    PasswordHasher registrationHasher(NativeArgon2id argon2, HashingGate gate, SecureRandom random) {
        return new Argon2idPasswordHasher(Argon2Cost.OWASP, argon2, gate, HashingGate.Lane.REGISTRATION, random);
    }
}
