package dev.gatehouse.adapter.out.security;

import dev.gatehouse.application.port.out.mail.EmailTokenCodec;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Creates the {@link EmailTokenCodec} with a key derived from {@code gatehouse.keys.refresh-secret}. In
 * development mode without that secret the key is random and dies with the process, like the sessions;
 * with a database URL the secret is required (the refresh-token codec refuses to start without it too).
 */
@Factory
class EmailTokenCodecFactory {

    @Context
    EmailTokenCodec emailTokenCodec(@Value("${gatehouse.keys.refresh-secret:}") String refreshSecret,
            @Value("${datasources.default.url:}") String databaseUrl, SecureRandom random) {
        if (!refreshSecret.isBlank()) {
            return new HmacEmailTokenCodec(HmacEmailTokenCodec.deriveKey(decode(refreshSecret)), random);
        }
        if (!databaseUrl.isBlank()) {
            throw new ConfigurationException("gatehouse.keys.refresh-secret (GATEHOUSE_KEYS_REFRESH_SECRET) must be configured "
                    + "when datasources.default.url is set: the keys of e-mail links are derived from it.");
        }
        byte[] ephemeral = new byte[32];
        random.nextBytes(ephemeral);
        return new HmacEmailTokenCodec(ephemeral, random);
    }

    private static byte[] decode(String secret) {
        try {
            return Base64.getUrlDecoder().decode(secret.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException notBase64) {
            throw new ConfigurationException("gatehouse.keys.refresh-secret must be base64url");
        }
    }
}
