package dev.gatehouse.application.port.in.client;

import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;
import java.util.Objects;

/**
 * Issues a service client an access token for itself (RFC 6749 §4.4, client credentials grant): no user, no
 * session, no refresh token (§4.4.3). Attempts are counted per client address before the secret is
 * compared, like sign-ins, so guessing a secret is throttled and a right secret gets the same 429 then.
 */
public interface ClientCredentialsUseCase {

    ClientCredentialsResult issue(ClientCredentialsCommand command);

    /**
     * @param requestedScope the {@code scope} parameter as sent, or {@code null}: then every configured scope
     * @param clientAddress  the caller's network address, for throttling
     */
    record ClientCredentialsCommand(ClientId client, String secret, String requestedScope, String clientAddress) {
        public ClientCredentialsCommand {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ClientCredentialsCommand[client=" + client + ", secret redacted]";
        }
    }

    /** An access token of a service client; {@code toString} redacts it. */
    record ServiceToken(String accessToken, Duration expiresIn, Scopes scopes) {
        @Override
        public String toString() {
            return "ServiceToken[scopes=" + scopes + ", token redacted]";
        }
    }

    sealed interface ClientCredentialsResult {
        record Issued(ServiceToken token) implements ClientCredentialsResult {
        }

        /** The id names no service client or the secret is wrong: one answer for both (RFC 6749 §5.2 {@code invalid_client}). */
        record InvalidClient() implements ClientCredentialsResult {
        }

        /** The requested scope is malformed or not one the client may have (§5.2 {@code invalid_scope}). */
        record InvalidScope() implements ClientCredentialsResult {
        }

        /** Too many attempts from the address; the same whether the secret is right or not. */
        record Throttled(Duration retryAfter) implements ClientCredentialsResult {
        }
    }
}
