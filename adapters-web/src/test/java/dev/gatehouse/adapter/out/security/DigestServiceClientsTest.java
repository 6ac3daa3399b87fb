package dev.gatehouse.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.application.port.out.ServiceClients;
import dev.gatehouse.application.testing.ServiceClientsContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets of service clients kept as digests: the contract, and a previous secret accepted during a rotation. */
class DigestServiceClientsTest extends ServiceClientsContract {

    private static final String PREVIOUS = "p".repeat(40);

    private final DigestServiceClients clients = new DigestServiceClients(List.of(
            new DigestServiceClients.Registration(OPS, List.of(SECRET, PREVIOUS))));

    @Override
    protected ServiceClients clients() {
        return clients;
    }

    @Test
    void the_previous_secret_authenticates_too() {
        assertThat(clients.authenticate(OPS.id(), PREVIOUS)).contains(OPS);
    }

    @Test
    void a_registration_never_prints_its_secrets() {
        assertThat(new DigestServiceClients.Registration(OPS, List.of(SECRET)).toString()).doesNotContain(SECRET);
    }
}
