package dev.gatehouse.application.port.in.admin;

import dev.gatehouse.domain.token.ClientId;
import java.util.Objects;

/**
 * Who calls an administration use case: a service client admitted with scope {@code admin}, and the network
 * address the request came from. Both are recorded in the call's security event.
 */
public record Administrator(ClientId client, String clientAddress) {

    public Administrator {
        Objects.requireNonNull(client, "client");
    }
}
