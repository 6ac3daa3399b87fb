package dev.gatehouse.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * The one decision between development and production mode, taken once before the application context
 * starts. Development mode is the Micronaut environment {@value Environment#DEVELOPMENT}. It is chosen
 * exactly when no {@value #DATABASE_URL} is configured in any source Micronaut reads: configuration files
 * (application.yml, {@code MICRONAUT_CONFIG_FILES}), environment variables ({@code DATASOURCES_DEFAULT_URL}),
 * system properties, command-line arguments and the builder's own properties. Beans that differ say
 * {@code @Requires(env = Environment.DEVELOPMENT)} or {@code notEnv}, and nothing else looks at the URL.
 * Public for the tests that start the service as {@link Application} does.
 */
public final class DeploymentMode {

    static final String DATABASE_URL = "datasources.default.url";

    private DeploymentMode() {
    }

    /**
     * Adds the development environment to {@code builder} when it configures no database URL. Reads the
     * configuration the builder would start with, through a context that is built and never started.
     *
     * @throws ConfigurationException when {@value Environment#DEVELOPMENT} was requested (for example in
     *                                {@code MICRONAUT_ENVIRONMENTS}) but a database URL is configured too
     */
    public static <B extends ApplicationContextBuilder> B choose(B builder) {
        ApplicationContext probe = builder.build();
        Environment configuration = probe.getEnvironment().start();
        try {
            boolean database = !configuration.getProperty(DATABASE_URL, String.class, "").isBlank();
            if (database && configuration.getActiveNames().contains(Environment.DEVELOPMENT)) {
                throw new ConfigurationException("the " + Environment.DEVELOPMENT + " environment means development mode "
                        + "(embedded database, ephemeral keys) and " + DATABASE_URL + " is set: remove "
                        + Environment.DEVELOPMENT + " from MICRONAUT_ENVIRONMENTS, or unset " + DATABASE_URL);
            }
            if (!database) {
                builder.environments(Environment.DEVELOPMENT);
            }
            return builder;
        } finally {
            configuration.stop();
        }
    }
}
