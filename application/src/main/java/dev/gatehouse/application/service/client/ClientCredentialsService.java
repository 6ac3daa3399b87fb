package dev.gatehouse.application.service.client;

import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthentication;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthenticationCommand;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.service.TokenMinter;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The client credentials grant (RFC 6749 §4.4): the client authenticates ({@link AuthenticateClientUseCase}:
 * throttled per address before the secret is compared, a wrong secret recorded), then gets a token of the scope
 * it asked for; every token issued is recorded too.
 */
public final class ClientCredentialsService implements ClientCredentialsUseCase {

    private final AuthenticateClientUseCase authentication;
    private final TokenMinter minter;
    private final SecurityEvents events;
    private final Clock clock;

    public ClientCredentialsService(AuthenticateClientUseCase authentication, TokenMinter minter, SecurityEvents events, Clock clock) {
        this.authentication = authentication;
        this.minter = minter;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ClientCredentialsResult issue(ClientCredentialsCommand command) {
        ClientAuthentication authenticated = authentication.authenticate(
                new ClientAuthenticationCommand(command.client(), command.secret(), command.clientAddress()));
        if (authenticated instanceof ClientAuthentication.Throttled throttled) {
            return new ClientCredentialsResult.Throttled(throttled.retryAfter());
        }
        if (authenticated instanceof ClientAuthentication.InvalidClient) {
            return new ClientCredentialsResult.InvalidClient();
        }
        if (!(authenticated instanceof ClientAuthentication.Authenticated client)) {
            throw new IllegalStateException("unknown client authentication " + authenticated);
        }
        Optional<Scopes> granted = grant(client.client(), command.requestedScope());
        if (granted.isEmpty()) {
            return new ClientCredentialsResult.InvalidScope();
        }
        Instant now = clock.instant();
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
