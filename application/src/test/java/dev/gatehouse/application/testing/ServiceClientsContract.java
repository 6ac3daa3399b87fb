package dev.gatehouse.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.domain.client.Scopes;
import dev.gatehouse.domain.client.ServiceClient;
import dev.gatehouse.domain.token.ClientId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link ServiceClients} does, run against the in-memory fake and against the digest adapter. */
public abstract class ServiceClientsContract {

    protected static final String SECRET = "c".repeat(32);
    protected static final ServiceClient OPS = new ServiceClient(new ClientId("ops"), Scopes.of(List.of("admin", "reports")));

    /** Service clients that hold exactly {@link #OPS} with {@link #SECRET}. */
    protected abstract ServiceClients clients();

    @Test
    void the_secret_authenticates_its_client() {
        assertThat(clients().authenticate(OPS.id(), SECRET)).contains(OPS);
    }

    @Test
    void a_wrong_a_shorter_a_longer_an_empty_or_another_case_secret_does_not() {
        for (String wrong : new String[] {SECRET.substring(0, 31), SECRET + "c", "", SECRET.toUpperCase()}) {
            assertThat(clients().authenticate(OPS.id(), wrong)).as(wrong).isEmpty();
        }
    }

    @Test
    void an_unknown_client_is_neither_found_nor_authenticated() {
        assertThat(clients().authenticate(new ClientId("nobody"), SECRET)).isEmpty();
        assertThat(clients().find(new ClientId("nobody"))).isEmpty();
        assertThat(clients().find(OPS.id())).contains(OPS);
    }
}
