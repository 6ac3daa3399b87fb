package dev.gatehouse.domain.client;

import dev.gatehouse.domain.token.ClientId;
import java.util.Objects;
import java.util.Optional;

/**
 * A client that acts for itself, not for a user (a confidential client of RFC 6749 §2.1 using the client
 * credentials grant, §4.4): another backend, an operator's tool. It may be granted its configured
 * {@code scopes}, at least one; its secret is kept by the adapter that checks it, never here.
 */
public record ServiceClient(ClientId id, Scopes scopes) {

    public ServiceClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a service client has at least one scope");
        }
    }

    /**
     * The scopes a token request that names {@code requested} gets (RFC 6749 §3.3): exactly those when the
     * client may have each of them, else none ({@code invalid_scope}); never more than asked for.
     */
    public Optional<Scopes> grant(Scopes requested) {
        return scopes.containsAll(requested) ? Optional.of(requested) : Optional.empty();
    }
}
