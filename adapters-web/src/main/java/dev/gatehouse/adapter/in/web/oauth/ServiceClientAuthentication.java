package dev.gatehouse.adapter.in.web.oauth;

import dev.gatehouse.adapter.in.web.browser.ClientAddresses;
import dev.gatehouse.adapter.in.web.problem.UnknownResultException;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthentication;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthenticationCommand;
import dev.gatehouse.domain.token.ClientId;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The secret check of a service client, a confidential client that must authenticate at every OAuth endpoint
 * it calls (RFC 6749 §3.2.1, RFC 7009 §2.1), before anything else about its request is answered: a missing or
 * wrong secret is {@code 401 invalid_client}, an address over its attempt limit {@code 429}.
 */
@Singleton
final class ServiceClientAuthentication {

    private final AuthenticateClientUseCase authenticateClient;
    private final ClientAddresses addresses;

    ServiceClientAuthentication(AuthenticateClientUseCase authenticateClient, ClientAddresses addresses) {
        this.authenticateClient = authenticateClient;
        this.addresses = addresses;
    }

    /**
     * The answer to a client id that names no configured client. One that presents a secret is checked like a
     * service client's, against a stand-in (throttled and recorded alike), and refused in the words of a wrong
     * secret, so that neither the answer nor its time tells a service client's id apart (RFC 6749 §5.2
     * {@code invalid_client} either way); without a secret it is plainly unknown. The refusal's security event
     * names the id only as {@link ClientCredentials#recordedId()} allows.
     */
    MutableHttpResponse<?> unknownClient(HttpRequest<?> request, ClientCredentials credentials) {
        if (credentials.clientId() == null || credentials.secret() == null) {
            return OAuthResponses.invalidClient(ClientCredentials.UNKNOWN, credentials.basic());
        }
        return refusal(request, credentials, credentials.recordedId())
                .orElseGet(() -> OAuthResponses.invalidClient(ClientCredentials.UNKNOWN, credentials.basic()));
    }

    /** The answer that refuses the service client {@code id}, if its credentials do not authenticate it. */
    Optional<MutableHttpResponse<?>> refusal(HttpRequest<?> request, ClientCredentials credentials, ClientId id) {
        ClientAuthentication result = authenticateClient.authenticate(
                new ClientAuthenticationCommand(id, credentials.presentedSecret(), addresses.of(request)));
        if (result instanceof ClientAuthentication.Authenticated) {
            return Optional.empty();
        }
        if (result instanceof ClientAuthentication.InvalidClient) {
            return Optional.of(OAuthResponses.invalidClient(ClientCredentials.NOT_AUTHENTICATED, credentials.basic()));
        }
        if (result instanceof ClientAuthentication.Throttled throttled) {
            return Optional.of(OAuthResponses.tooManyRequests(ClientCredentials.TOO_MANY_ATTEMPTS, throttled.retryAfter()));
        }
        throw new UnknownResultException(result);
    }
}
