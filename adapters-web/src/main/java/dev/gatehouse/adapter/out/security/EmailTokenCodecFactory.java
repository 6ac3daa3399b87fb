package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Creates the {@link EmailTokenCodec} with keys derived from the refresh-token secrets, newest first
 * ({@code gatehouse.keys.refresh-secrets} / {@code gatehouse.keys.refresh-secret}). In development mode
 * (the {@value Environment#DEVELOPMENT} environment) without a secret the key is random and dies with the
 * process, like the sessions; otherwise a secret is required. Created on first use: the start already stops on missing or unusable secrets, when
 * the refresh-token codec is created ({@link SecurityFactory}).
 */
@Factory
class EmailTokenCodecFactory {

    @Singleton
    EmailTokenCodec emailTokenCodec(
            @Value("${gatehouse.keys.refresh-secret:}") String single,
            @Value("${gatehouse.keys.refresh-secrets:}") List<String> ring,
            Environment environment,
            SecureRandom random) {
        return codec(single, ring, environment.getActiveNames().contains(Environment.DEVELOPMENT), random);
    }

    static EmailTokenCodec codec(String single, List<String> ring, boolean developmentMode, SecureRandom random) {
        Optional<RefreshSecretRing> secrets;
        try {
            secrets = RefreshSecretRing.fromConfiguration(single, ring);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException(unusable.getMessage());
        }
        if (secrets.isPresent()) {
            return new HmacEmailTokenCodec(secrets.get().all().stream().map(HmacEmailTokenCodec::deriveKey).toList(), random);
        }
        if (!developmentMode) {
            throw new ConfigurationException(RefreshSecretRing.RING_KEY + " or " + RefreshSecretRing.SINGLE_KEY
                    + " must be configured outside development mode: the key of e-mail links is derived from it.");
        }
        byte[] ephemeral = new byte[RefreshSecret.MIN_BYTES];
        random.nextBytes(ephemeral);
        return new HmacEmailTokenCodec(List.of(ephemeral), random);
    }
}
