package dev.gatehouse.application.service.client;

import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.application.service.TokenMinter;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The client credentials grant (RFC 6749 §4.4). Every attempt counts against its network's sign-in budget
 * ({@link SignInThrottle#admitAddress}, shared with password sign-ins) before the secret is compared: a secret is a machine's password, guessed the same
 * way. A wrong secret is recorded ({@code client_authentication_failed}), every token issued too.
 */
public final class ClientCredentialsService implements ClientCredentialsUseCase {

    private final ServiceClients clients;
    private final SignInThrottle throttle;
    private final TokenMinter minter;
    private final SecurityEvents events;
    private final Clock clock;

    public ClientCredentialsService(ServiceClients clients, SignInThrottle throttle, TokenMinter minter, SecurityEvents events,
            Clock clock) {
        this.clients = clients;
        this.throttle = throttle;
        this.minter = minter;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ClientCredentialsResult issue(ClientCredentialsCommand command) {
        Instant now = clock.instant();
        var throttled = throttle.admitAddress(command.clientAddress(), now);
        if (throttled.isPresent()) {
            return new ClientCredentialsResult.Throttled(throttled.get().retryAfter());
        }
        Optional<ServiceClient> client = clients.authenticate(command.client(), command.secret());
        if (client.isEmpty()) {
            events.record(new SecurityEvent(SecurityEventType.CLIENT_AUTHENTICATION_FAILED, now, null, null, command.client(),
                    "wrong_secret", command.clientAddress(), null));
            return new ClientCredentialsResult.InvalidClient();
        }
        Optional<Scopes> granted = grant(client.get(), command.requestedScope());
        if (granted.isEmpty()) {
            return new ClientCredentialsResult.InvalidScope();
        }
        events.record(new SecurityEvent(SecurityEventType.CLIENT_TOKEN_ISSUED, now, null, null, command.client(),
                "scope:" + granted.get(), command.clientAddress(), null));
        return new ClientCredentialsResult.Issued(minter.mint(command.client(), granted.get(), now));
    }

    /** No (or an empty) {@code scope} parameter gets every configured scope (RFC 6749 §3.3); a malformed one nothing. */
    private static Optional<Scopes> grant(ServiceClient client, String scopeParameter) {
        if (scopeParameter == null || scopeParameter.isEmpty()) {
            return Optional.of(client.scopes());
        }
        return Scopes.parse(scopeParameter).flatMap(client::grant);
    }
}
