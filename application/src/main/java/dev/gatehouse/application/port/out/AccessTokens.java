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

        /**
         * @param rejection what kind of failure, for counting
         * @param reason    more precisely, short and safe to log; never shown to the caller
         */
        record Invalid(Rejection rejection, String reason) implements AccessTokenCheck {
        }
    }

    /** The kinds of {@link AccessTokenCheck.Invalid}. */
    enum Rejection {
        /** Not a well-formed token of the configured type: size, encoding, header, claims missing or of no kind. */
        MALFORMED,
        /** Signed under a key id or algorithm this service does not verify with (another instance's key set?). */
        UNKNOWN_KEY,
        /** A known key, a signature that does not verify: forged or altered. */
        SIGNATURE,
        /** Another issuer's or another audience's token. */
        ISSUER_OR_AUDIENCE,
        /** Past its expiry (with the verification leeway). */
        EXPIRED,
        /** Issued in the future, or not valid before a later time (with the leeway): a clock ahead? */
        NOT_YET_VALID
    }
}
