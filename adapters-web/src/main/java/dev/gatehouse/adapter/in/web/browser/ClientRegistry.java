package dev.gatehouse.adapter.in.web.browser;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Collection;
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

    private static final String PREFIX = "gatehouse.clients.";

    private final Map<String, ClientSettings> clients;

    ClientRegistry(List<ClientSettings> clients, Environment environment) {
        requireLowerCaseIds(environment.getPropertySources());
        clients.forEach(ClientRegistry::requireUsable);
        this.clients = clients.stream().collect(Collectors.toUnmodifiableMap(ClientSettings::getId, Function.identity()));
    }

    /**
     * Client ids are lower case. Micronaut binds {@code gatehouse.clients.Web.*} to the client {@code web}, so a
     * {@code Web} beside a {@code web} was silently merged into one client with the settings of both (a cookie
     * client could become a body client), and {@code client_id=Web} was unknown. Environment variables carry no
     * case of their own ({@code GATEHOUSE_CLIENTS_WEB_DELIVERY} is the client {@code web}) and are not checked.
     */
    static void requireLowerCaseIds(Collection<PropertySource> sources) {
        for (PropertySource source : sources) {
            if (source.getConvention() == PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE) {
                continue;
            }
            for (String key : source) {
                if (key.startsWith(PREFIX)) {
                    String id = key.substring(PREFIX.length()).split("[.\\[]", 2)[0];
                    if (!id.equals(id.toLowerCase(Locale.ROOT))) {
                        throw new ConfigurationException(PREFIX + id + ": client ids are lower case (" + id + " would be read as the "
                                + "client " + id.toLowerCase(Locale.ROOT) + ", and merged with it); write " + id.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
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
