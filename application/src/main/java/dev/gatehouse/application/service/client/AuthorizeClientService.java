package dev.gatehouse.application.service.client;

import dev.gatehouse.application.port.in.client.AuthorizeClientUseCase;
import dev.gatehouse.application.port.out.AccessTokens.AccessTokenCheck;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.client.ServiceTokenClaims;
import dev.gatehouse.domain.event.SecurityEvent;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.AccessTokenClaims;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A scope is granted by the token and by the configuration as it is now: a service client's token counts
 * only while the client is configured, and carries the scope only while the client still has it. A user's
 * token never carries a scope; it is refused with {@code insufficient_scope} while its session is live (a
 * {@code scope_denied} event naming the user), as unauthenticated once the session ended.
 */
public final class AuthorizeClientService implements AuthorizeClientUseCase {

    private final AccessTokens accessTokens;
    private final RefreshTokenFamilies families;
    private final ServiceClients clients;
    private final SecurityEvents events;
    private final Clock clock;

    public AuthorizeClientService(AccessTokens accessTokens, RefreshTokenFamilies families, ServiceClients clients,
            SecurityEvents events, Clock clock) {
        this.accessTokens = accessTokens;
        this.families = families;
        this.clients = clients;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public ClientAuthorization authorize(String accessToken, String requiredScope) {
        AccessTokenCheck check = accessTokens.verify(accessToken);
        if (check instanceof AccessTokenCheck.Invalid invalid) {
            return new ClientAuthorization.Unauthenticated(invalid.reason());
        }
        Instant now = clock.instant();
        if (check instanceof AccessTokenCheck.ValidService service) {
            return authorizeClient(service.claims(), requiredScope, now);
        }
        AccessTokenClaims user = ((AccessTokenCheck.Valid) check).claims();
        if (families.find(user.sessionId()).filter(family -> family.isLiveSessionOf(user.subject(), now)).isEmpty()) {
            return new ClientAuthorization.Unauthenticated("session ended");
        }
        events.record(new SecurityEvent(SecurityEventType.SCOPE_DENIED, now, user.subject(), user.sessionId(), user.clientId(),
                "scope:" + requiredScope));
        return new ClientAuthorization.InsufficientScope();
    }

    private ClientAuthorization authorizeClient(ServiceTokenClaims claims, String requiredScope, Instant now) {
        Optional<ServiceClient> configured = clients.find(claims.client());
        if (configured.isEmpty()) {
            return new ClientAuthorization.Unauthenticated("client no longer configured");
        }
        if (configured.get().scopes().contains(requiredScope) && claims.scopes().contains(requiredScope)) {
            return new ClientAuthorization.Authorized(claims.client());
        }
        events.record(new SecurityEvent(SecurityEventType.SCOPE_DENIED, now, null, null, claims.client(), "scope:" + requiredScope));
        return new ClientAuthorization.InsufficientScope();
    }
}
