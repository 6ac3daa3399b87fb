package dev.gatehouse.application.service;

import dev.gatehouse.domain.token.TokenPolicy;
import java.util.Objects;

/**
 * The configured facts about issued tokens.
 *
 * @param issuer   the {@code iss} of access tokens and the metadata's issuer
 * @param audience the {@code aud} of access tokens
 */
public record TokenSettings(String issuer, String audience, TokenPolicy policy) {

    public TokenSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(policy, "policy");
    }
}
