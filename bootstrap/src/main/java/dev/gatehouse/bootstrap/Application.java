package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * Starts Gatehouse: the HTTP server, the database pool (embedded in development mode, which
 * {@link DeploymentMode} chooses once, here) and the scheduled purge. With {@code --generate-keys} it
 * prints production keys instead (see docs/operations.md).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && KeysCommand.FLAG.equals(args[0])) {
            System.exit(KeysCommand.run(args));
        }
        DeploymentMode.choose(Micronaut.build(args).mainClass(Application.class)).start();
    }
}
