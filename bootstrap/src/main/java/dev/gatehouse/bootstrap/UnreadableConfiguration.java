package dev.gatehouse.bootstrap;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What to say when the configuration cannot even be read, before the application context exists (a
 * configuration file that is missing or no valid YAML, the development environment asked for beside a database
 * URL): one log line, in the chosen log format, instead of the JVM's multi-line trace on standard error. A YAML
 * error names the line and column only: the parser's own message quotes the line it failed on, and in a
 * configuration file that line may hold a secret.
 */
final class UnreadableConfiguration {

    private UnreadableConfiguration() {
    }

    /** The message for {@code failure}, if it is one of reading the configuration. */
    static Optional<String> describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException yaml) {
                String context = yaml.getContext() == null ? "" : ", " + yaml.getContext() + " from" + where(yaml.getContextMark());
                return Optional.of("a configuration file is not valid YAML: " + yaml.getProblem() + " at" + where(yaml.getProblemMark())
                        + context);
            }
        }
        return failure instanceof ConfigurationException ? Optional.ofNullable(failure.getMessage()) : Optional.empty();
    }

    private static String where(Mark mark) {
        return mark == null ? " an unknown place" : " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
