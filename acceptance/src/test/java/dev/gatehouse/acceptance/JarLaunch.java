package dev.gatehouse.acceptance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start one {@code gatehouse.jar}: {@code java [JVM options] -D<key>=<value>... -jar gatehouse.jar}, in that
 * order, plus an optional configuration file handed over in {@code MICRONAUT_CONFIG_FILES} and the launch's own
 * {@code environment}. The test JVM's own {@code java} runs it; environment variables that would configure the jar behind
 * the test's back are not passed on.
 */
record JarLaunch(List<String> jvmOptions, Map<String, String> systemProperties, Optional<String> configYaml,
        Map<String, String> environment) {

    /** Options for jars that only issue a few tokens: half the start-up CPU (C1 only, serial GC). */
    static final List<String> LEAN = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** A launch that sets no environment variable of its own. */
    JarLaunch(List<String> jvmOptions, Map<String, String> systemProperties, Optional<String> configYaml) {
        this(jvmOptions, systemProperties, configYaml, Map.of());
    }

    static JarLaunch withProperties(Map<String, String> systemProperties) {
        return new JarLaunch(List.of(), systemProperties, Optional.empty());
    }

    /** The jar under test: the {@code gatehouse.jar} system property (set by the build), else the reactor's path. */
    static Path artifact() {
        Path jar = Path.of(System.getProperty("gatehouse.jar", "../bootstrap/target/gatehouse.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("The packaged jar " + jar + " is missing: build it first (./mvnw -B verify builds it in "
                    + "bootstrap's package phase). The acceptance suite tests that artifact and never skips.");
        }
        return jar;
    }

    /** The process, with its output sent to {@code <logs>/<name>.log}; the command and configuration are saved beside it. */
    ProcessBuilder processBuilder(String name, Path logs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", artifact().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(JarLaunch::configures);
        builder.environment().putAll(environment);
        if (configYaml.isPresent()) {
            Path config = logs.resolve(name + ".yml");
            Files.writeString(config, configYaml.get());
            builder.environment().put("MICRONAUT_CONFIG_FILES", config.toAbsolutePath().toString());
        }
        Files.writeString(logs.resolve(name + ".command"), String.join(" ", command) + System.lineSeparator());
        return builder;
    }

    /** Micronaut maps these environment variables to configuration keys. */
    private static boolean configures(String variable) {
        return variable.startsWith("MICRONAUT_") || variable.startsWith("GATEHOUSE_") || variable.startsWith("DATASOURCES_");
    }
}
