package dev.gatehouse.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A production start that the configuration stops (exit status 1, the key named) has not touched its database: a
 * new release deployed with a typo must not migrate a shared schema and then never serve. The database is a fresh
 * one in the embedded PostgreSQL of a development-mode jar. A misspelt key is named at start.
 */
class StartChecksIT {

    @Test
    void a_refused_configuration_stops_the_jar_before_it_migrates_the_database() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "jar-logs"));
        try (GatehouseJar development = GatehouseJar.start("start-checks-db", port -> new JarLaunch(JarLaunch.LEAN,
                Map.of("micronaut.server.port", Integer.toString(port)), Optional.empty()))) {
            String url = "jdbc:postgresql://127.0.0.1:" + development.embeddedDatabasePort() + "/";
            try (Connection admin = DriverManager.getConnection(url + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE refused_start");
            }
            Process refused = new JarLaunch(JarLaunch.LEAN, Map.of("micronaut.server.port", "0"), Optional.empty(), Map.of(
                    "DATASOURCES_DEFAULT_URL", url + "refused_start",
                    "DATASOURCES_DEFAULT_USERNAME", "postgres",
                    "GATEHOUSE_MAIL_SMTP_HOST", "127.0.0.1",
                    "GATEHOUSE_KEYS_REFRESH_SECRETS", "r1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "GATEHOUSE_KEYS_SIGNING", "{\"keys\":[]}")).processBuilder("start-checks-refused", logs).start();
            assertThat(refused.waitFor(90, TimeUnit.SECONDS)).as("the jar stops").isTrue();
            String output = Files.readString(logs.resolve("start-checks-refused.log"), StandardCharsets.UTF_8);

            assertThat(refused.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("gatehouse.keys.signing").doesNotContain("migrations applied");
            try (Connection fresh = DriverManager.getConnection(url + "refused_start", "postgres", "");
                    ResultSet tables = fresh.createStatement().executeQuery(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                tables.next();
                assertThat(tables.getInt(1)).as("no table was created").isZero();
            }
        }
    }

    /** Read by the first request that needed it, such a value started a healthy-looking jar that answered every sign-in with 500. */
    @Test
    void a_trusted_proxy_range_stops_the_jar_naming_the_key() throws Exception {
        Ended refused = startRefused("start-checks-proxies", "GATEHOUSE_TRUSTED_PROXIES", "10.0.0.0/8", 90);

        assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("gatehouse.trusted-proxies lists exact proxy addresses").doesNotContain("Startup completed");
    }

    /**
     * A setting refused while the HTTP server starts, after the embedded database: Micronaut exits without stopping the
     * context, and the process stayed about 20 s (the database's exit hook waited for an application stop that never
     * came), answering nothing while a supervisor saw it alive. It exits in about 5 s now; 15 s leaves room for a slow
     * machine and none for the old wait.
     */
    @Test
    void a_setting_refused_at_server_start_ends_the_jar_at_once() throws Exception {
        Ended refused = startRefused("start-checks-head-timeout", "GATEHOUSE_SERVER_REQUEST_HEAD_TIMEOUT", "0s", 15);

        assertThat(refused.exitStatus()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("gatehouse.server.request-head-timeout must be a positive duration");
    }

    /** What a development-mode jar started with one environment variable printed, and its exit status. */
    private record Ended(int exitStatus, String output) {
    }

    /** Starts the jar with {@code variable=value} and asserts that it ends within {@code seconds} (it is killed otherwise). */
    private static Ended startRefused(String name, String variable, String value, int seconds) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "jar-logs"));
        Process refused = new JarLaunch(JarLaunch.LEAN, Map.of("micronaut.server.port", "0"), Optional.empty(), Map.of(variable, value))
                .processBuilder(name, logs).start();
        boolean ended = refused.waitFor(seconds, TimeUnit.SECONDS);
        String output = Files.readString(logs.resolve(name + ".log"), StandardCharsets.UTF_8);
        refused.destroyForcibly();
        assertThat(ended).as("ended within " + seconds + " s: " + output).isTrue();
        return new Ended(refused.exitValue(), output);
    }

    @Test
    void a_misspelt_key_is_named_at_start_with_the_key_meant_and_the_service_serves() {
        try (GatehouseJar misspelt = GatehouseJar.start("start-checks-misspelt", port -> new JarLaunch(JarLaunch.LEAN, Map.of(
                "micronaut.server.port", Integer.toString(port), "gatehouse.tokens.acess-ttl", "1m"), Optional.empty()))) {
            assertThat(misspelt.logText()).contains("configuration key gatehouse.tokens.acess-ttl is not one the service reads",
                    "did you mean gatehouse.tokens.access-ttl?");
        }
    }
}
