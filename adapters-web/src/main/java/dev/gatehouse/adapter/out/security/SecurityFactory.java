package dev.gatehouse.adapter.out.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.IdGenerator;
import dev.gatehouse.application.port.out.RefreshTokenCodec;
import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import dev.gatehouse.application.port.out.mail.MailSealer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the security out-adapters from configuration ({@code gatehouse.keys.*},
 * {@code gatehouse.tokens.signing-algorithm} and {@code .access-token-type}); password hashing:
 * {@link dev.gatehouse.adapter.out.security.password.PasswordHashingFactory}.
 * Every key and token bean is {@code @Context}: a value the service cannot use stops the start, naming the key.
 *
 * <p>Development mode (the {@value Environment#DEVELOPMENT} environment, chosen at start when no
 * {@code datasources.default.url} is configured): missing keys are generated at start, are announced in
 * the log, and die with the process. Otherwise missing keys stop the start.
 */
@Factory
class SecurityFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFactory.class);

    private final boolean developmentMode;

    @Inject
    SecurityFactory(Environment environment) {
        this(environment.getActiveNames().contains(Environment.DEVELOPMENT));
    }

    SecurityFactory(boolean developmentMode) {
        this.developmentMode = developmentMode;
    }

    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    IdGenerator idGenerator(SecureRandom random) {
        return new SecureRandomIds(random);
    }

    @Context
    SigningKeys signingKeys(
            @Value("${gatehouse.keys.signing:}") String signing,
            @Value("${gatehouse.tokens.signing-algorithm:RS256}") String algorithmName,
            SecureRandom random) {
        JWSAlgorithm algorithm = algorithm(algorithmName);
        if (!signing.isBlank()) {
            try {
                SigningKeys configured = SigningKeys.fromJwkSet(signing, algorithm);
                LOG.info("access tokens: {} signatures computed by {}", algorithm, configured.signerProvider());
                return configured;
            } catch (IllegalArgumentException unusable) {
                throw new ConfigurationException(unusable.getMessage());
            }
        }
        requireDevelopmentMode("gatehouse.keys.signing (GATEHOUSE_KEYS_SIGNING)");
        SigningKeys generated = SigningKeys.generate(algorithm, random);
        LOG.warn("DEVELOPMENT MODE: generated an ephemeral {} signing key (kid {}). Tokens die with this process; "
                + "configure gatehouse.keys.signing for anything real. Signatures computed by {}.", algorithm, generated.signingKeyId(),
                generated.signerProvider());
        return generated;
    }

    @Context
    AccessTokens accessTokens(
            SigningKeys keys,
            @Value("${gatehouse.tokens.access-token-type:JWT}") String type,
            @Value("${gatehouse.issuer:`http://localhost:8080`}") String issuer,
            @Value("${gatehouse.audience:gatehouse}") String audience,
            Clock clock) {
        return new JwtAccessTokens(keys, accessTokenType(type), issuer, audience, clock);
    }

    /**
     * The refresh-token secrets, newest first, from which the refresh-token proofs, the e-mail link keys and
     * the mail outbox's key are derived, each under its own label; generated in development mode when none is
     * configured (one ring for all three, as in production).
     */
    @Context
    RefreshSecretRing refreshSecrets(
            @Value("${gatehouse.keys.refresh-secret:}") String single,
            @Value("${gatehouse.keys.refresh-secrets:}") List<String> ring,
            SecureRandom random) {
        Optional<RefreshSecretRing> configured;
        try {
            configured = RefreshSecretRing.fromConfiguration(single, ring);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException(unusable.getMessage());
        }
        if (configured.isPresent()) {
            return configured.get();
        }
        requireDevelopmentMode(RefreshSecretRing.RING_KEY + " (GATEHOUSE_KEYS_REFRESH_SECRETS) or "
                + RefreshSecretRing.SINGLE_KEY + " (GATEHOUSE_KEYS_REFRESH_SECRET)");
        LOG.warn("DEVELOPMENT MODE: generated an ephemeral refresh-token secret; sessions, e-mail links and waiting mail die with this process.");
        byte[] generated = new byte[RefreshSecret.MIN_BYTES];
        random.nextBytes(generated);
        return RefreshSecretRing.of(RefreshSecret.unidentified(generated));
    }

    @Context
    RefreshTokenCodec refreshTokenCodec(RefreshSecretRing secrets) {
        return new HmacRefreshTokenCodec(secrets);
    }

    @Singleton
    EmailTokenCodec emailTokenCodec(RefreshSecretRing secrets, SecureRandom random) {
        return new HmacEmailTokenCodec(secrets.all().stream().map(HmacEmailTokenCodec::deriveKey).toList(), random);
    }

    @Singleton
    MailSealer mailSealer(RefreshSecretRing secrets, SecureRandom random) {
        return new AesGcmMailSealer(secrets, random);
    }

    private void requireDevelopmentMode(String missing) {
        if (!developmentMode) {
            throw new ConfigurationException(missing + " must be configured when datasources.default.url is set: "
                    + "Gatehouse generates ephemeral keys only in development mode (embedded database).");
        }
    }

    static JWSAlgorithm algorithm(String name) {
        for (JWSAlgorithm supported : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA}) {
            if (supported.getName().equals(name)) {
                return supported;
            }
        }
        throw new ConfigurationException("gatehouse.tokens.signing-algorithm must be RS256, ES256 or EdDSA, not " + name);
    }

    static JOSEObjectType accessTokenType(String name) {
        if (JOSEObjectType.JWT.getType().equals(name)) {
            return JOSEObjectType.JWT;
        }
        if (JwtAccessTokens.AT_JWT.getType().equals(name)) {
            return JwtAccessTokens.AT_JWT;
        }
        throw new ConfigurationException("gatehouse.tokens.access-token-type must be JWT or at+jwt, not " + name);
    }
}
