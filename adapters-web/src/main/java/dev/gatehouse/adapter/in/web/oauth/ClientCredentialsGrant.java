package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ClientCredentialsCommand;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ClientCredentialsResult;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * {@code grant_type=client_credentials} at the token endpoint (RFC 6749 §4.4): only service clients may use
 * it, and they may use nothing else ({@code unauthorized_client}, §5.2), which they are told only once their
 * secret authenticated them (§3.2.1), so that no grant tells a service client's id apart without it. A
 * missing secret is a wrong one.
 */
@Singleton
final class ClientCredentialsGrant {

    static final String GRANT_TYPE = "client_credentials";

    private final ClientCredentialsUseCase clientCredentials;
    private final ServiceClientAuthentication serviceClients;
    private final ClientAddresses addresses;

    ClientCredentialsGrant(ClientCredentialsUseCase clientCredentials, ServiceClientAuthentication serviceClients,
            ClientAddresses addresses) {
        this.clientCredentials = clientCredentials;
        this.serviceClients = serviceClients;
        this.addresses = addresses;
    }

    /** Whether this grant answers a request of {@code client} for {@code grantType}: its own grant, or any of a service client. */
    static boolean applies(ClientSettings client, String grantType) {
        return GRANT_TYPE.equals(grantType) || TokenDelivery.actsForItself(client);
    }

    MutableHttpResponse<?> grant(HttpRequest<?> request, ClientSettings client, ClientCredentials credentials, Map<String, String> params) {
        if (!TokenDelivery.actsForItself(client)) {
            return OAuthResponses.error(OAuthError.Code.UNAUTHORIZED_CLIENT, "Only service clients use the client credentials grant.");
        }
        if (!GRANT_TYPE.equals(params.get("grant_type"))) {
            return serviceClients.refusal(request, credentials, new ClientId(client.getId())).orElseGet(() ->
                    OAuthResponses.error(OAuthError.Code.UNAUTHORIZED_CLIENT, "A service client uses grant_type=client_credentials only."));
        }
        ClientCredentialsResult result = clientCredentials.issue(new ClientCredentialsCommand(new ClientId(client.getId()),
                credentials.presentedSecret(), params.get("scope"), addresses.of(request)));
        if (result instanceof ClientCredentialsResult.Issued issued) {
            return HttpResponse.ok(TokenResponse.of(issued.token()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.PRAGMA, "no-cache");
        }
        if (result instanceof ClientCredentialsResult.InvalidClient) {
            return OAuthResponses.invalidClient(ClientCredentials.NOT_AUTHENTICATED, credentials.basic());
        }
        if (result instanceof ClientCredentialsResult.InvalidScope) {
            return OAuthResponses.error(OAuthError.Code.INVALID_SCOPE, "The scope is malformed or more than this client may have.");
        }
        if (result instanceof ClientCredentialsResult.Throttled throttled) {
            return OAuthResponses.tooManyRequests(ClientCredentials.TOO_MANY_ATTEMPTS, throttled.retryAfter());
        }
        throw new UnknownResultException(result);
    }
}
