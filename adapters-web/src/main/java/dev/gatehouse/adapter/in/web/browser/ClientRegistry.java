package dev.gatehouse.adapter.in.web.browser;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The configured clients by id; an id that is not configured is no client (RFC 6749 {@code invalid_client}). */
@Singleton
public final class ClientRegistry {

    private final Map<String, ClientSettings> clients;

    ClientRegistry(List<ClientSettings> clients) {
        this.clients = clients.stream().collect(Collectors.toUnmodifiableMap(ClientSettings::getId, Function.identity()));
    }

    Stream<ClientSettings> all() {
        return clients.values().stream();
    }

    /** The clients that hold their refresh token in a cookie. */
    Stream<ClientSettings> cookieClients() {
        return clients.values().stream().filter(client -> client.getDelivery() == ClientSettings.Delivery.COOKIE);
    }

    public Optional<ClientSettings> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }
}
