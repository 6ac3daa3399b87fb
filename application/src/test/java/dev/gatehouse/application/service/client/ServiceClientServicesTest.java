package dev.gatehouse.application.service.client;

import dev.gatehouse.application.port.in.Caller;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.in.AuthenticateUseCase.Authentication;
import dev.gatehouse.application.port.in.IssuedTokens;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthentication;
import dev.gatehouse.application.port.in.client.AuthenticateClientUseCase.ClientAuthenticationCommand;
import dev.gatehouse.application.port.in.client.AuthorizeClientUseCase.ClientAuthorization;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ClientCredentialsCommand;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ClientCredentialsResult;
import dev.gatehouse.application.port.in.client.ClientCredentialsUseCase.ServiceToken;
import dev.gatehouse.application.testing.ServiceFixture;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.event.SecurityEventType;
import dev.gatehouse.domain.token.ClientId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service-client authentication, the client credentials grant and scope checks, with fakes. */
class ServiceClientServicesTest {

    private static final ClientId OPS = new ClientId("ops");
    private static final String SECRET = "s".repeat(32);

    private final ServiceFixture gatehouse = new ServiceFixture();

    ServiceClientServicesTest() {
        gatehouse.serviceClients.configure(new ServiceClient(OPS, Scopes.of(List.of("admin", "reports"))), SECRET);
    }

    @Test
    void the_right_secret_gets_a_token_with_every_configured_scope_and_the_issue_is_recorded() {
        ServiceToken token = issued(request(SECRET, null));
        assertThat(token.scopes().toString()).isEqualTo("admin reports");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofMinutes(15));
        var claims = gatehouse.accessTokens.serviceClaimsOf(token.accessToken());
        assertThat(claims.client()).isEqualTo(OPS);
        assertThat(claims.expiresAt()).isEqualTo(gatehouse.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(gatehouse.events.ofType(SecurityEventType.CLIENT_TOKEN_ISSUED)).singleElement()
                .satisfies(event -> assertThat(event.client()).isEqualTo(OPS))
                .satisfies(event -> assertThat(event.clientAddress()).isEqualTo("10.0.0.1"));
    }

    @Test
    void a_named_scope_is_granted_alone_and_one_the_client_lacks_or_malformed_is_invalid_scope() {
        assertThat(issued(request(SECRET, "reports")).scopes().toString()).isEqualTo("reports");
        assertThat(issued(request(SECRET, "")).scopes().toString()).as("empty is none").isEqualTo("admin reports");
        assertThat(gatehouse.clientCredentials.issue(request(SECRET, "admin users"))).isInstanceOf(ClientCredentialsResult.InvalidScope.class);
        assertThat(gatehouse.clientCredentials.issue(request(SECRET, "admin\"x"))).isInstanceOf(ClientCredentialsResult.InvalidScope.class);
    }

    @Test
    void a_wrong_secret_and_an_unknown_client_get_the_same_answer_and_are_recorded() {
        assertThat(gatehouse.clientCredentials.issue(request("wrong", null))).isInstanceOf(ClientCredentialsResult.InvalidClient.class);
        assertThat(gatehouse.clientCredentials.issue(new ClientCredentialsCommand(new ClientId("nobody"), SECRET, null, "10.0.0.1")))
                .isInstanceOf(ClientCredentialsResult.InvalidClient.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.CLIENT_AUTHENTICATION_FAILED)).hasSize(2);
        assertThat(gatehouse.events.ofType(SecurityEventType.CLIENT_TOKEN_ISSUED)).isEmpty();
    }

    @Test
    void attempts_count_per_address_before_the_secret_so_a_throttled_address_waits_even_with_the_right_one() {
        for (int i = 0; i < 60; i++) {
            gatehouse.clientCredentials.issue(request("guess " + i, null));
        }
        assertThat(gatehouse.clientCredentials.issue(request(SECRET, null))).isInstanceOf(ClientCredentialsResult.Throttled.class);
        assertThat(gatehouse.clientCredentials.issue(new ClientCredentialsCommand(OPS, SECRET, null, "10.0.0.2")))
                .isInstanceOf(ClientCredentialsResult.Issued.class);
    }

    @Test
    void authenticating_a_client_checks_its_secret_records_a_wrong_one_and_shares_the_grants_throttle() {
        assertThat(gatehouse.authenticateClient.authenticate(authentication(SECRET, "10.0.0.1")))
                .isEqualTo(new ClientAuthentication.Authenticated(gatehouse.serviceClients.find(OPS).orElseThrow()));
        assertThat(gatehouse.authenticateClient.authenticate(authentication("wrong", "10.0.0.1")))
                .isInstanceOf(ClientAuthentication.InvalidClient.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.CLIENT_AUTHENTICATION_FAILED)).singleElement()
                .satisfies(event -> assertThat(event.client()).isEqualTo(OPS));
        for (int i = 0; i < 60; i++) {
            gatehouse.clientCredentials.issue(request("guess " + i, null));
        }
        assertThat(gatehouse.authenticateClient.authenticate(authentication(SECRET, "10.0.0.1")))
                .isInstanceOf(ClientAuthentication.Throttled.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.CLIENT_TOKEN_ISSUED)).isEmpty();
    }

    @Test
    void a_service_token_with_the_scope_is_authorized_and_without_it_is_not() {
        String admin = issued(request(SECRET, "admin")).accessToken();
        String reports = issued(request(SECRET, "reports")).accessToken();
        assertThat(gatehouse.authorizeClient.authorize(admin, Scopes.ADMIN)).isEqualTo(new ClientAuthorization.Authorized(OPS));
        assertThat(gatehouse.authorizeClient.authorize(reports, Scopes.ADMIN)).isInstanceOf(ClientAuthorization.InsufficientScope.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.SCOPE_DENIED)).singleElement()
                .satisfies(event -> assertThat(event.client()).isEqualTo(OPS));
    }

    @Test
    void taking_the_scope_or_the_client_out_of_the_configuration_takes_effect_at_once() {
        String admin = issued(request(SECRET, "admin")).accessToken();
        gatehouse.serviceClients.configure(new ServiceClient(OPS, Scopes.of(List.of("reports"))), SECRET);
        assertThat(gatehouse.authorizeClient.authorize(admin, Scopes.ADMIN)).isInstanceOf(ClientAuthorization.InsufficientScope.class);
        gatehouse.serviceClients.remove(OPS);
        assertThat(gatehouse.authorizeClient.authorize(admin, Scopes.ADMIN)).isInstanceOf(ClientAuthorization.Unauthenticated.class);
    }

    @Test
    void a_users_token_lacks_every_scope_while_its_session_lives_and_is_unauthenticated_after() {
        IssuedTokens user = gatehouse.registered("ada@example.com");
        assertThat(gatehouse.authorizeClient.authorize(user.accessToken(), Scopes.ADMIN)).isInstanceOf(ClientAuthorization.InsufficientScope.class);
        gatehouse.signOut.signOutEverywhere(new Caller(user.userId(), user.sessionId(), ServiceFixture.API));
        assertThat(gatehouse.authorizeClient.authorize(user.accessToken(), Scopes.ADMIN)).isInstanceOf(ClientAuthorization.Unauthenticated.class);
        assertThat(gatehouse.authorizeClient.authorize("garbage", Scopes.ADMIN)).isInstanceOf(ClientAuthorization.Unauthenticated.class);
    }

    @Test
    void revoking_a_service_token_ends_no_session_and_is_answered_like_an_unknown_token() {
        IssuedTokens user = gatehouse.registered("ada@example.com");
        String service = issued(request(SECRET, null)).accessToken();
        gatehouse.revoke.revoke(service, OPS, "10.0.0.1");
        gatehouse.revoke.revoke(service, ServiceFixture.API, "10.0.0.1");
        assertThat(gatehouse.authenticate.authenticate(user.accessToken())).isInstanceOf(Authentication.Authenticated.class);
        assertThat(gatehouse.events.ofType(SecurityEventType.SESSION_REVOKED)).isEmpty();
    }

    @Test
    void a_service_token_is_not_a_users_bearer_token() {
        assertThat(gatehouse.authenticate.authenticate(issued(request(SECRET, null)).accessToken()))
                .isInstanceOf(Authentication.Unauthenticated.class);
    }

    @Test
    void the_service_token_lives_one_access_token_lifetime() {
        String admin = issued(request(SECRET, null)).accessToken();
        gatehouse.clock.advance(Duration.ofMinutes(15));
        assertThat(gatehouse.authorizeClient.authorize(admin, Scopes.ADMIN)).isInstanceOf(ClientAuthorization.Unauthenticated.class);
    }

    private ClientCredentialsCommand request(String secret, String scope) {
        return new ClientCredentialsCommand(OPS, secret, scope, "10.0.0.1");
    }

    private static ClientAuthenticationCommand authentication(String secret, String address) {
        return new ClientAuthenticationCommand(OPS, secret, address);
    }

    private ServiceToken issued(ClientCredentialsCommand command) {
        var result = gatehouse.clientCredentials.issue(command);
        assertThat(result).isInstanceOf(ClientCredentialsResult.Issued.class);
        return ((ClientCredentialsResult.Issued) result).token();
    }
}
