package dev.gatehouse.adapter.in.web.browser;

import dev.gatehouse.domain.client.Scopes;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.regex.Pattern;

/**
 * What a service client's configuration must hold, checked at start-up: a secret (its length is checked
 * where it is set), at least one scope, each an RFC 6749 §3.3 scope token, and an id that cannot be
 * mistaken for a user: a service client's tokens carry its id as {@code sub}, where users' tokens carry
 * their UUID, so a UUID-shaped id could impersonate a user at a resource server (RFC 9068 §5).
 */
final class ServiceClientRules {

    private static final Pattern UUID_SHAPED = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ServiceClientRules() {
    }

    static void require(ClientSettings client) {
        if (client.getSecret() == null) {
            throw new ConfigurationException(client.key("secret") + ": a service client needs a secret of at least "
                    + ClientSettings.MIN_SECRET_LENGTH + " characters, best from the environment (GATEHOUSE_CLIENTS_<ID>_SECRET)");
        }
        if (client.getScopes().isEmpty() || !wellFormed(client)) {
            throw new ConfigurationException(client.key("scopes") + ": a service client needs at least one scope, each "
                    + "printable ASCII without spaces, quotes or backslashes (e.g. [ admin ])");
        }
        if (UUID_SHAPED.matcher(client.getId()).matches()) {
            throw new ConfigurationException("gatehouse.clients." + client.getId() + ": a service client's id is the sub of "
                    + "its tokens and must not look like a user id (a UUID)");
        }
    }

    /** The one definition of a scope token is the domain's. */
    private static boolean wellFormed(ClientSettings client) {
        try {
            Scopes.of(client.getScopes());
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static void requireNone(ClientSettings client) {
        if (client.getSecret() != null || client.getPreviousSecret() != null) {
            throw new ConfigurationException(client.key(client.getSecret() != null ? "secret" : "previous-secret")
                    + ": only clients with delivery service have a secret");
        }
        if (!client.getScopes().isEmpty()) {
            throw new ConfigurationException(client.key("scopes") + ": only clients with delivery service have scopes");
        }
    }
}
