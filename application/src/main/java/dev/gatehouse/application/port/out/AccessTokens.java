package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.token.AccessTokenClaims;
import java.util.Map;

/** Signs and verifies access tokens (JWT, RFC 9068 profile, asymmetric signatures only). */
public interface AccessTokens {

    /** A signed token of a user's session carrying exactly these claims. */
    String issue(AccessTokenClaims claims);

    /** A signed token of a service client (no user, no session) carrying exactly these claims. */
    String issue(ServiceTokenClaims claims);

    /**
     * Verifies encoding (canonical only), signature, header ({@code alg}, {@code kid}, the configured
     * {@code typ}), issuer, audience and validity period. Never fetches anything (no {@code jku},
     * {@code x5u}, embedded {@code jwk}).
     */
    AccessTokenCheck verify(String token);

    /**
     * The public keys that verify this service's tokens, as an RFC 7517 JWK Set document: the signing
     * key and every key that may still verify live tokens. Never a private part.
     */
    Map<String, Object> publicKeySet();

    /** The result of {@link #verify}. */
    sealed interface AccessTokenCheck {
        /** A user's token, issued to a session ({@code sid}). */
        record Valid(AccessTokenClaims claims) implements AccessTokenCheck {
        }

        /** A service client's token: its subject is the client, it has scopes and no session. */
        record ValidService(ServiceTokenClaims claims) implements AccessTokenCheck {
        }

        /** @param reason short and safe to log; never shown to the caller */
        record Invalid(String reason) implements AccessTokenCheck {
        }
    }
}
