package dev.gatehouse.bootstrap;

import dev.gatehouse.adapter.in.web.browser.ClientRegistry;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.out.security.DigestServiceClients;
import dev.gatehouse.application.port.in.admin.AdministerUsersUseCase;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase;
import dev.gatehouse.application.port.in.client.AuthorizeClientUseCase;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase;
import dev.gatehouse.application.port.out.AccessTokens;
import dev.gatehouse.application.port.out.RefreshTokenFamilies;
import dev.gatehouse.application.port.out.SecurityEvents;
import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserAccounts;
import dev.gatehouse.application.service.SignInThrottle;
import dev.gatehouse.application.service.TokenMinter;
import dev.gatehouse.application.service.admin.AdministerUsersService;
import dev.gatehouse.application.service.client.AuthenticateClientService;
import dev.gatehouse.application.service.client.AuthorizeClientService;
import dev.gatehouse.application.service.client.ClientCredentialsService;
import dev.gatehouse.application.service.lifecycle.AccountEraser;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Wires service clients and the administration API: the service clients of the web adapter's client
 * configuration ({@code gatehouse.clients.*} with {@code delivery: service}) become the
 * {@link ServiceClients} port, their secrets kept only as digests.
 */
@Factory
class AdminFactory {

    @Singleton
    ServiceClients serviceClients(ClientRegistry clients) {
        return new DigestServiceClients(clients.serviceClients().map(AdminFactory::registration).toList());
    }

    @Singleton
    AuthenticateClientUseCase authenticateClient(ServiceClients clients, SignInThrottle throttle, SecurityEvents events, Clock clock) {
        return new AuthenticateClientService(clients, throttle, events, clock);
    }

    @Singleton
    ClientCredentialsUseCase clientCredentials(AuthenticateClientUseCase authentication, TokenMinter minter, SecurityEvents events,
            Clock clock) {
        return new ClientCredentialsService(authentication, minter, events, clock);
    }

    @Singleton
    AuthorizeClientUseCase authorizeClient(AccessTokens accessTokens, RefreshTokenFamilies families, ServiceClients clients,
            SecurityEvents events, Clock clock) {
        return new AuthorizeClientService(accessTokens, families, clients, events, clock);
    }

    @Singleton
    AdministerUsersUseCase administerUsers(UserAccounts accounts, RefreshTokenFamilies families, AccountEraser eraser,
            SecurityEvents events, Transactions transactions, Clock clock) {
        return new AdministerUsersService(accounts, families, eraser, events, transactions, clock);
    }

    private static DigestServiceClients.Registration registration(ClientSettings client) {
        var secrets = Stream.of(client.getSecret(), client.getPreviousSecret()).filter(Objects::nonNull).toList();
        return new DigestServiceClients.Registration(
                new ServiceClient(new ClientId(client.getId()), Scopes.of(client.getScopes())), secrets);
    }
}
