package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;

/**
 * Starts Gatehouse: the HTTP server, the database pool (embedded in development mode, which
 * {@link DeploymentMode} chooses once, here) and the scheduled purge. With {@code --generate-keys} it
 * prints production keys instead (see docs/operations.md).
 * {@code GATEHOUSE_LOG_FORMAT=json} makes every log line a JSON object ({@link LogFormat}).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        LogFormat format = LogFormat.TEXT;
        try {
            format = LogFormat.of(System.getenv(LogFormat.VARIABLE));
        } catch (IllegalArgumentException unusable) {
            System.err.println(unusable.getMessage());
            System.exit(2);
        }
        format.apply();
        if (args.length > 0 && KeysCommand.FLAG.equals(args[0])) {
            System.exit(KeysCommand.run(args));
        }
        DeploymentMode.choose(Micronaut.build(args).mainClass(Application.class).banner(format == LogFormat.TEXT)).start();
    }
}
