package dev.gatehouse.bootstrap;

import io.micronaut.runtime.Micronaut;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Starts Gatehouse: the HTTP server, the database pool (embedded in development mode, which
 * {@link DeploymentMode} chooses once, here) and the scheduled purge. With {@code --generate-keys} it
 * prints production keys instead (see docs/operations.md).
 * {@code GATEHOUSE_LOG_FORMAT=json} makes every log line a JSON object ({@link LogFormat}), also the one that says
 * why a configuration that cannot be read stops the start ({@link UnreadableConfiguration}; exit status 1). With
 * {@code gatehouse.shutdown.drain}, SIGTERM drains first ({@link ShutdownDrain}).
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
        try {
            ShutdownDrain.install(DeploymentMode.choose(Micronaut.build(args).mainClass(Application.class).banner(format == LogFormat.TEXT))
                    .start());
        } catch (RuntimeException unreadable) {
            Optional<String> configuration = UnreadableConfiguration.describe(unreadable);
            if (configuration.isEmpty()) {
                throw unreadable;
            }
            LoggerFactory.getLogger(Application.class).error("the configuration cannot be used: {}", configuration.get());
            System.exit(1);
        }
    }
}
