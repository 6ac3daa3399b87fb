package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every module's production classes obey every rule of {@link ArchitectureRules}. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.gatehouse");
    }

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void production_code_obeys(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void every_module_was_imported() {
        assertThat(production.containPackage("dev.gatehouse.domain.token")).isTrue();
        assertThat(production.containPackage("dev.gatehouse.application.service")).isTrue();
        assertThat(production.containPackage("dev.gatehouse.adapter.in.web")).isTrue();
        assertThat(production.containPackage("dev.gatehouse.adapter.out.security")).isTrue();
        assertThat(production.containPackage("dev.gatehouse.adapter.out.persistence")).isTrue();
        assertThat(production.containPackage("dev.gatehouse.bootstrap")).isTrue();
    }

    @Test
    void every_web_capability_was_imported() {
        for (String capability : new String[] {"oauth", "account", "browser", "bff", "ops", "problem", "admin"}) {
            assertThat(production.containPackage("dev.gatehouse.adapter.in.web." + capability)).as(capability).isTrue();
        }
    }
}
