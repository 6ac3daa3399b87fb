package dev.gatehouse.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as the run command starts it ({@link DeploymentMode} decides; without a database URL that is
 * development mode: embedded PostgreSQL, ephemeral keys),
 * started once per test JVM and shared by the end-to-end tests. 127.0.0.1 is a trusted proxy here so
 * that each test can act from its own client address with {@code X-Forwarded-For}.
 */
final class GatehouseServer {

    private static EmbeddedServer server;

    private GatehouseServer() {
    }

    static synchronized EmbeddedServer shared() {
        if (server == null) {
            server = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** A server of its own, with extra configuration on top of the test defaults. Close it after use. */
    static EmbeddedServer start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("gatehouse.trusted-proxies", "127.0.0.1");
        properties.put("gatehouse.purge.interval", "1h");
        properties.putAll(overrides);
        return DeploymentMode.choose(ApplicationContext.builder().properties(properties)).run(EmbeddedServer.class);
    }

    static ApplicationContext context() {
        return shared().getApplicationContext();
    }
}
