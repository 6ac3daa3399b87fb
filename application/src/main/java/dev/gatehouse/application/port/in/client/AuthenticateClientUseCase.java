package dev.gatehouse.application.port.in.client;

import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;
import java.util.Objects;

/**
 * Authenticates a service client by its secret (RFC 6749 §2.3.1), for the token endpoint's client credentials
 * grant and for the endpoints that need no more of a confidential client, such as revocation (RFC 7009 §2.1).
 * Attempts are counted per client address before the secret is compared, like sign-ins, so no endpoint is a
 * cheaper way to guess a secret and a right secret gets the same 429 while the address is throttled.
 */
public interface AuthenticateClientUseCase {

    ClientAuthentication authenticate(ClientAuthenticationCommand command);

    /** @param clientAddress the caller's network address, for throttling */
    record ClientAuthenticationCommand(ClientId client, String secret, String clientAddress) {
        public ClientAuthenticationCommand {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "ClientAuthenticationCommand[client=" + client + ", secret redacted]";
        }
    }

    sealed interface ClientAuthentication {
        /** The secret is one of the client's, as configured now. */
        record Authenticated(ServiceClient client) implements ClientAuthentication {
        }

        /** The id names no service client or the secret is wrong: one answer for both (RFC 6749 §5.2 {@code invalid_client}). */
        record InvalidClient() implements ClientAuthentication {
        }

        /** Too many attempts from the address; the same whether the secret is right or not. */
        record Throttled(Duration retryAfter) implements ClientAuthentication {
        }
    }
}
