package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.exceptions.ConfigurationException;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values the service cannot use are configuration errors naming the key and the allowed values. */
class SecurityFactoryTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecurityFactory production = new SecurityFactory(false);

    @Test
    void the_signing_algorithm_is_one_of_three() {
        assertThat(SecurityFactory.algorithm("RS256")).isEqualTo(JWSAlgorithm.RS256);
        assertThat(SecurityFactory.algorithm("EdDSA")).isEqualTo(JWSAlgorithm.EdDSA);
        assertThatThrownBy(() -> SecurityFactory.algorithm("HS256")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.tokens.signing-algorithm must be RS256, ES256 or EdDSA");
    }

    @Test
    void the_access_token_type_is_jwt_or_at_jwt() {
        assertThat(SecurityFactory.accessTokenType("JWT")).isEqualTo(JOSEObjectType.JWT);
        assertThat(SecurityFactory.accessTokenType("at+jwt")).isEqualTo(JwtAccessTokens.AT_JWT);
        for (String unknown : new String[] {"application/at+jwt", "at+JWT", "jwt", ""}) {
            assertThatThrownBy(() -> SecurityFactory.accessTokenType(unknown)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("gatehouse.tokens.access-token-type must be JWT or at+jwt");
        }
    }

    @Test
    void an_unusable_refresh_secret_ring_is_a_configuration_error() {
        assertThatThrownBy(() -> production.refreshSecrets("", List.of("r1:short"), RANDOM))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("gatehouse.keys.refresh-secrets");
    }

    @Test
    void production_needs_a_refresh_secret_and_development_makes_one_up_for_sessions_links_and_mail() {
        assertThatThrownBy(() -> production.refreshSecrets("", List.of(), RANDOM)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("gatehouse.keys.refresh-secrets (GATEHOUSE_KEYS_REFRESH_SECRETS)")
                .hasMessageContaining("gatehouse.keys.refresh-secret (GATEHOUSE_KEYS_REFRESH_SECRET)");
        assertThat(new SecurityFactory(true).refreshSecrets("", List.of(), RANDOM).all()).hasSize(1);
        assertThat(production.refreshSecrets("", List.of("r1:" + KeyMaterial.refreshSecret(RANDOM)), RANDOM).all()).hasSize(1);
    }
}
