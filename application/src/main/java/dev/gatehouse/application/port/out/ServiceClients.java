package dev.gatehouse.application.port.out;

import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import java.util.Optional;

/** The configured service clients (confidential clients, RFC 6749 §2.1) and the secrets they authenticate with. */
public interface ServiceClients {

    /** The service client {@code id} as configured now; empty when {@code id} names no service client. */
    Optional<ServiceClient> find(ClientId id);

    /**
     * The service client {@code id} if {@code secret} is one of its secrets; empty for a wrong secret or an id
     * that names no service client. The comparison takes the same time whatever the presented secret's
     * length and however much of it is right (RFC 6749 §2.3.1, §10.10).
     */
    Optional<ServiceClient> authenticate(ClientId id, String secret);
}
