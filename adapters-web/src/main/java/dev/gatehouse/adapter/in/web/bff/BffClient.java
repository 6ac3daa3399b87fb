package dev.gatehouse.adapter.in.web.bff;

import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.oauth.TokenDelivery;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Locale;

/**
 * The client whose sessions {@code /bff} holds ({@code gatehouse.bff.client-id}), resolved once at start-up.
 * It must be a configured client with {@code delivery: proxy}, so that no endpoint outside {@code /bff}
 * accepts its tokens; anything else stops the start with a message naming the key. (Its
 * {@code allowed-origins}, the app's origins for the CSRF check, are required by {@link ClientRegistry}.)
 */
@Context
final class BffClient {

    private final ClientSettings settings;
    private final ClientId id;

    BffClient(BffSettings bff, ClientRegistry clients) {
        String configured = bff.getClientId();
        this.settings = clients.find(configured).orElseThrow(() -> new ConfigurationException(BffSettings.CLIENT_ID_KEY
                + " is '" + configured + "', which names no configured client: it must name a client gatehouse.clients.<id> "
                + "with delivery: proxy"));
        if (!TokenDelivery.heldByProxy(settings)) {
            throw new ConfigurationException(BffSettings.CLIENT_ID_KEY + " names client '" + configured + "' of delivery: "
                    + settings.getDelivery().name().toLowerCase(Locale.ROOT) + "; it must name a client with delivery: proxy");
        }
        this.id = new ClientId(configured);
    }

    ClientSettings settings() {
        return settings;
    }

    ClientId id() {
        return id;
    }
}
