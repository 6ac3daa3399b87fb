package dev.gatehouse.adapter.out.security;

import static dev.gatehouse.adapter.out.security.JwtAttacksTest.ISSUER;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.NOW;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.json;
import static dev.gatehouse.adapter.out.security.JwtAttacksTest.tokensAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.ClientId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A service client's access token: {@code sub} = {@code client_id}, a {@code scope}, no {@code sid} (RFC 9068 §2.2). */
class ServiceTokensTest {

    private final SigningKeys keys = SigningKeys.generate(JWSAlgorithm.EdDSA, new SecureRandom());
    private final JwtAccessTokens tokens = tokensAt(keys, NOW);

    @Test
    void a_service_token_carries_the_client_as_subject_and_its_scopes_and_verifies_as_a_service_token() {
        var claims = new ServiceTokenClaims(ISSUER, new ClientId("ops"), "api", Scopes.of(List.of("admin", "reports")), NOW,
                NOW.plus(Duration.ofMinutes(15)), "jti-1");
        String token = tokens.issue(claims);

        assertThat(json(token.split("\\.")[1])).containsEntry("sub", "ops").containsEntry("client_id", "ops")
                .containsEntry("scope", "admin reports").doesNotContainKey("sid");
        assertThat(tokens.verify(token)).isEqualTo(new AccessTokenCheck.ValidService(claims));
    }

    @Test
    void a_token_without_a_session_is_refused_unless_it_is_exactly_a_service_clients() {
        assertThat(tokens.verify(signed(claims -> claims.subject(UUID.randomUUID().toString()))))
                .as("sub is not the client").isInstanceOf(AccessTokenCheck.Invalid.class);
        assertThat(tokens.verify(signed(claims -> claims.claim("scope", null)))).as("no scope").isInstanceOf(AccessTokenCheck.Invalid.class);
        assertThat(tokens.verify(signed(claims -> claims.claim("scope", "admin  reports")))).as("malformed scope")
                .isInstanceOf(AccessTokenCheck.Invalid.class);
        assertThat(tokens.verify(signed(claims -> { }))).isInstanceOf(AccessTokenCheck.ValidService.class);
    }

    private String signed(Consumer<JWTClaimsSet.Builder> change) {
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("ops").audience("api").claim("client_id", "ops")
                .claim("scope", "admin").issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plus(Duration.ofMinutes(15))))
                .jwtID("jti");
        change.accept(claims);
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(keys.signingKeyId()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
