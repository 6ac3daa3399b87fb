package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Development mode is chosen once, from every source of {@code datasources.default.url}. No context is started. */
class DeploymentModeTest {

    private static final String URL = "jdbc:postgresql://db.example/gatehouse";

    @Test
    void no_database_url_anywhere_is_development_mode() {
        assertThat(activeNames(ApplicationContext.builder())).contains(Environment.DEVELOPMENT);
    }

    @Test
    void a_database_url_in_the_properties_is_production_mode() {
        assertThat(activeNames(ApplicationContext.builder().properties(Map.of(DeploymentMode.DATABASE_URL, URL))))
                .doesNotContain(Environment.DEVELOPMENT);
        assertThat(activeNames(ApplicationContext.builder().properties(Map.of(DeploymentMode.DATABASE_URL, " "))))
                .as("a blank URL is none").contains(Environment.DEVELOPMENT);
    }

    @Test
    void a_database_url_on_the_command_line_is_production_mode() {
        assertThat(activeNames(ApplicationContext.builder().args("--datasources.default.url=" + URL)))
                .doesNotContain(Environment.DEVELOPMENT);
    }

    @Test
    void a_database_url_in_a_system_property_is_production_mode() {
        System.setProperty(DeploymentMode.DATABASE_URL, URL);
        try {
            assertThat(activeNames(ApplicationContext.builder())).doesNotContain(Environment.DEVELOPMENT);
        } finally {
            System.clearProperty(DeploymentMode.DATABASE_URL);
        }
    }

    @Test
    void a_database_url_in_a_configuration_file_is_production_mode(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("production.yml"), "datasources:\n  default:\n    url: " + URL + "\n");
        System.setProperty("micronaut.config.files", file.toString());
        try {
            assertThat(activeNames(ApplicationContext.builder())).doesNotContain(Environment.DEVELOPMENT);
        } finally {
            System.clearProperty("micronaut.config.files");
        }
    }

    @Test
    void a_database_url_in_the_environment_is_production_mode() throws Exception {
        var java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DeploymentModeTest.class.getName()).redirectErrorStream(true);
        java.environment().put("DATASOURCES_DEFAULT_URL", URL);
        Process child = java.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(output).isZero();
        assertThat(output.lines()).contains("development mode: false");
    }

    /** The child of {@link #a_database_url_in_the_environment_is_production_mode}: prints what was chosen. */
    public static void main(String[] args) {
        System.out.println("development mode: " + activeNames(ApplicationContext.builder()).contains(Environment.DEVELOPMENT));
    }

    @Test
    void asking_for_development_mode_beside_a_database_url_stops_the_start() {
        ApplicationContextBuilder both = ApplicationContext.builder().environments(Environment.DEVELOPMENT)
                .properties(Map.of(DeploymentMode.DATABASE_URL, URL));
        assertThatThrownBy(() -> DeploymentMode.choose(both)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(DeploymentMode.DATABASE_URL).hasMessageContaining("MICRONAUT_ENVIRONMENTS");
    }

    private static Set<String> activeNames(ApplicationContextBuilder builder) {
        Environment environment = DeploymentMode.choose(builder).build().getEnvironment().start();
        try {
            return environment.getActiveNames();
        } finally {
            environment.stop();
        }
    }
}
