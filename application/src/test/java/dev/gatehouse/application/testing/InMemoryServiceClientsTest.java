package dev.gatehouse.application.testing;

import dev.gatehouse.application.port.out.ServiceClients;

class InMemoryServiceClientsTest extends ServiceClientsContract {

    private final InMemoryServiceClients clients = new InMemoryServiceClients();

    InMemoryServiceClientsTest() {
        clients.configure(OPS, SECRET);
    }

    @Override
    protected ServiceClients clients() {
        return clients;
    }
}
