package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.EmailPseudonyms;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;

/**
 * The {@link EmailPseudonyms} key, derived from the newest refresh secret ({@code gatehouse.keys.refresh-secret}
 * or the first of {@code gatehouse.keys.refresh-secrets}); in development mode (none configured) from a
 * random one that dies with the process, like the embedded database.
 */
@Factory
class PseudonymFactory {

    @Singleton
    EmailPseudonyms emailPseudonyms(
            @Value("${gatehouse.keys.refresh-secret:}") String single,
            @Value("${gatehouse.keys.refresh-secrets:}") List<String> ring,
            SecureRandom random) {
        try {
            return new HmacEmailPseudonyms(RefreshSecretRing.fromConfiguration(single, ring).map(RefreshSecretRing::newest)
                    .orElseGet(() -> ephemeral(random)));
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException(unusable.getMessage());
        }
    }

    private static RefreshSecret ephemeral(SecureRandom random) {
        byte[] secret = new byte[RefreshSecret.MIN_BYTES];
        random.nextBytes(secret);
        return RefreshSecret.unidentified(secret);
    }
}
