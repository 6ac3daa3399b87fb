package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.MailSealer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;

/**
 * Creates the {@link MailSealer} of the outbox with keys derived from the refresh-token secrets
 * ({@code gatehouse.keys.refresh-secrets} / {@code gatehouse.keys.refresh-secret}). In development mode without a
 * secret the key is random and dies with the process, like the embedded database that holds the outbox.
 */
@Factory
class MailSealerFactory {

    @Singleton
    MailSealer mailSealer(
            @Value("${gatehouse.keys.refresh-secret:}") String single,
            @Value("${gatehouse.keys.refresh-secrets:}") List<String> ring,
            Environment environment,
            SecureRandom random) {
        try {
            return new AesGcmMailSealer(RefreshSecretRing.fromConfiguration(single, ring).orElseGet(() -> {
                if (!environment.getActiveNames().contains(Environment.DEVELOPMENT)) {
                    throw new ConfigurationException(RefreshSecretRing.RING_KEY + " or " + RefreshSecretRing.SINGLE_KEY
                            + " must be configured outside development mode: the key of the mail outbox is derived from it.");
                }
                byte[] ephemeral = new byte[RefreshSecret.MIN_BYTES];
                random.nextBytes(ephemeral);
                return RefreshSecretRing.of(RefreshSecret.unidentified(ephemeral));
            }), random);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException(unusable.getMessage());
        }
    }
}
