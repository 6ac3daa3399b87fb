package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Service clients with their secrets in plain form (a fake: no constant-time comparison needed). */
public final class InMemoryServiceClients implements ServiceClients {

    private final Map<ClientId, ServiceClient> clients = new ConcurrentHashMap<>();
    private final Map<ClientId, String> secrets = new ConcurrentHashMap<>();

    /** Configures {@code client} with {@code secret}, replacing an earlier configuration of its id. */
    public void configure(ServiceClient client, String secret) {
        clients.put(client.id(), client);
        secrets.put(client.id(), secret);
    }

    /** Takes the client out of the configuration. */
    public void remove(ClientId id) {
        clients.remove(id);
        secrets.remove(id);
    }

    @Override
    public Optional<ServiceClient> find(ClientId id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public Optional<ServiceClient> authenticate(ClientId id, String secret) {
        return secret.equals(secrets.get(id)) ? find(id) : Optional.empty();
    }
}
