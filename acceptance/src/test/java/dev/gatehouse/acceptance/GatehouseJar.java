package dev.gatehouse.acceptance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged artifact, {@code bootstrap/target/gatehouse.jar}, run as a user runs it: {@code java [-D...] -jar
 * gatehouse.jar} in a child process, in development mode (no database URL: the jar starts its own embedded
 * PostgreSQL). Its output goes to {@code target/jar-logs/<name>.log}. The jar is ready when {@code GET /health}
 * answers 200; {@link #close()} stops it with SIGTERM (then SIGKILL) and also ends its embedded PostgreSQL, which
 * runs detached from the JVM. A missing jar fails the test ({@link JarLaunch#artifact()}): this suite never skips
 * what it exists to check.
 */
final class GatehouseJar implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    private static final Pattern EMBEDDED_DB_PORT = Pattern.compile("embedded PostgreSQL on port (\\d+)");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread stopOnExit = new Thread(this::stop);

    private GatehouseJar(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts the jar on a free port and waits until it is healthy. {@code launch} gets the port, so that the
     * configuration can name it (issuer, allowed origins); a port taken by someone else in between is retried.
     */
    static GatehouseJar start(String name, IntFunction<JarLaunch> launch) {
        AssertionError failure = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            GatehouseJar jar = launch(name, port, launch.apply(port));
            try {
                jar.awaitHealthy();
                return jar;
            } catch (AssertionError notReady) {
                jar.close();
                if (!jar.logText().contains("Address already in use") && !jar.logText().contains("Unable to start Micronaut server")) {
                    throw notReady;
                }
                failure = notReady;
            }
        }
        throw failure;
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    int port() {
        return port;
    }

    private static GatehouseJar launch(String name, int port, JarLaunch launch) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "jar-logs"));
            return new GatehouseJar(name, port, launch.processBuilder(name, logs).start(), logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        HttpRequest health = HttpRequest.newBuilder(base().resolve("/health")).timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (PROBE.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens only once start-up completes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (exitedWithin(Duration.ofMillis(200))) {
                throw new AssertionError("gatehouse.jar (" + name + ") exited with " + process.exitValue() + " before it was healthy:\n" + tail());
            }
        }
        throw new AssertionError("gatehouse.jar (" + name + ") was not healthy within " + READY_WITHIN + ":\n" + tail());
    }

    /** Waits up to {@code time} for the process to end (the poll interval of {@link #awaitHealthy()}). */
    private boolean exitedWithin(Duration time) {
        try {
            process.onExit().get(time.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException stillRunning) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The port of the jar's embedded PostgreSQL (user {@code postgres}, no password), as the jar logs it. */
    int embeddedDatabasePort() {
        Matcher matcher = EMBEDDED_DB_PORT.matcher(logText());
        if (!matcher.find()) {
            throw new AssertionError("the jar logged no embedded PostgreSQL port:\n" + logText());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The embedded PostgreSQL's postmaster, found by the port the jar logs; it is not a child of the JVM. */
    private Optional<ProcessHandle> embeddedDatabase() {
        Matcher matcher = EMBEDDED_DB_PORT.matcher(logText());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String portArgument = " -p " + matcher.group(1) + " ";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().filter(c -> c.contains("/bin/postgres ") && c.contains(portArgument)).isPresent())
                .findFirst();
    }

    /** Sends the jar SIGTERM, as a process manager stops it, and returns at once; {@link #awaitExit} waits for the end. */
    void terminate() {
        process.toHandle().destroy();
    }

    /** Kills the jar with SIGKILL ({@code kill -9}: no shutdown hook, no stop of anything) and waits for it to end. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits up to the stop timeout for the jar to end; its exit status. */
    int awaitExit() {
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("gatehouse.jar (" + name + ") did not stop within " + STOP_WITHIN + ":\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void stop() {
        Optional<ProcessHandle> postmaster = embeddedDatabase();
        process.descendants().forEach(ProcessHandle::destroy);
        end(process.toHandle());
        postmaster.ifPresent(GatehouseJar::end);
    }

    private static void end(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notEnded) {
            handle.destroyForcibly();
        }
    }

    /** What the jar has written to its log so far. */
    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private String tail() {
        String text = logText();
        return "--- last lines of " + log.toAbsolutePath() + " ---\n" + text.substring(Math.max(0, text.length() - 4000));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
