package dev.gatehouse.application.service.client;

import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import java.time.Clock;
import java.time.Instant;

/**
 * Service-client authentication. Every attempt counts against its network's sign-in budget
 * ({@link SignInThrottle#admitAddress}, shared with password sign-ins) before the secret is compared: a secret is
 * a machine's password, guessed the same way. A wrong secret is recorded ({@code client_authentication_failed}).
 */
public final class AuthenticateClientService implements AuthenticateClientUseCase {

    private final ServiceClients clients;
    private final SignInThrottle throttle;
    private final SecurityEvents events;
    private final Clock clock;

    public AuthenticateClientService(ServiceClients clients, SignInThrottle throttle, SecurityEvents events, Clock clock) {
        this.clients = clients;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ClientAuthentication authenticate(ClientAuthenticationCommand command) {
        Instant now = clock.instant();
        var throttled = throttle.admitAddress(command.clientAddress(), now);
        if (throttled.isPresent()) {
            return new ClientAuthentication.Throttled(throttled.get().retryAfter());
        }
        return clients.authenticate(command.client(), command.secret())
                .<ClientAuthentication>map(ClientAuthentication.Authenticated::new)
                .orElseGet(() -> {
                    events.record(new SecurityEvent(SecurityEventType.CLIENT_AUTHENTICATION_FAILED, now, null, null, command.client(),
                            "wrong_secret", command.clientAddress(), null));
                    return new ClientAuthentication.InvalidClient();
                });
    }
}
