package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configured clients by id; an id that is not configured is no client (RFC 6749 {@code invalid_client}).
 * Created at start-up, so that a client configuration the service cannot use stops the start instead of
 * failing every request: an unknown {@code delivery}, a malformed origin, a client whose refresh token
 * travels in a cookie but that names no origin (its CSRF check could never pass), a service client without
 * a secret or scopes, or a secret or scopes on a client that is no service client (they would be ignored).
 */
@Context
public final class ClientRegistry {

    private final Map<String, ClientSettings> clients;

    ClientRegistry(List<ClientSettings> clients) {
        clients.forEach(ClientRegistry::requireUsable);
        this.clients = clients.stream().collect(Collectors.toUnmodifiableMap(ClientSettings::getId, Function.identity()));
    }

    private static void requireUsable(ClientSettings client) {
        ClientSettings.Delivery delivery = client.getDelivery();
        if (delivery != ClientSettings.Delivery.BODY && delivery != ClientSettings.Delivery.SERVICE
                && client.getAllowedOrigins().isEmpty()) {
            throw new ConfigurationException(client.key("allowed-origins") + ": a client with delivery "
                    + delivery.name().toLowerCase(Locale.ROOT) + " needs at least one origin (scheme://host[:port])");
        }
        if (delivery == ClientSettings.Delivery.SERVICE) {
            ServiceClientRules.require(client);
        } else {
            ServiceClientRules.requireNone(client);
        }
    }

    Stream<ClientSettings> all() {
        return clients.values().stream();
    }

    /** The clients that hold their refresh token in a cookie. */
    Stream<ClientSettings> cookieClients() {
        return clients.values().stream().filter(client -> client.getDelivery() == ClientSettings.Delivery.COOKIE);
    }

    /** The clients that act for themselves ({@code delivery: service}). */
    public Stream<ClientSettings> serviceClients() {
        return clients.values().stream().filter(client -> client.getDelivery() == ClientSettings.Delivery.SERVICE);
    }

    public Optional<ClientSettings> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
