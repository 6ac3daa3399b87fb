package dev.gatehouse.bootstrap;

import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** A server of its own whose {@code /bff} proxy forwards to an {@link UpstreamStub}; closing it stops both. */
record ProxiedGatehouse(UpstreamStub upstream, EmbeddedServer server) implements AutoCloseable {

    static ProxiedGatehouse start(Map<String, Object> overrides) throws IOException {
        UpstreamStub upstream = new UpstreamStub();
        Map<String, Object> properties = new HashMap<>(overrides);
        properties.put("gatehouse.bff.upstream-url", upstream.baseUrl());
        return new ProxiedGatehouse(upstream, GatehouseServer.start(properties));
    }

    @Override
    public void close() {
        server.close();
        upstream.close();
    }
}
