package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.gatehouse.adapter.in.web.browser.ClientSettings;
import dev.gatehouse.adapter.in.web.archfixture.RepositoryReachingController;
import dev.gatehouse.adapter.in.web.bff.archfixture.BffUsingOAuth;
import dev.gatehouse.adapter.in.web.oauth.archfixture.OAuthUsingBff;
import dev.gatehouse.adapter.out.persistence.archfixture.PersistenceUsingWeb;
import dev.gatehouse.application.archfixture.ApplicationUsingJdbc;
import dev.gatehouse.domain.archfixture.DomainReadingTheClock;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule reports the deliberate violations planted in test sources (packages
 * {@code ..archfixture}, excluded from {@link ArchitectureTest}), so none of them can pass vacuously.
 */
class ArchitectureRulesCanFailTest {

    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(DomainReadingTheClock.class,
            ApplicationUsingJdbc.class, PersistenceUsingWeb.class, RepositoryReachingController.class, ClientSettings.class,
            OAuthUsingBff.class, BffUsingOAuth.class);

    @Test
    void the_domain_rule_catches_a_framework_type_in_the_domain() {
        assertViolated(ArchitectureRules.DOMAIN_IS_PLAIN_JAVA, "DomainReadingTheClock", "HttpStatus");
    }

    @Test
    void the_application_rule_catches_jdbc_in_a_use_case() {
        assertViolated(ArchitectureRules.APPLICATION_USES_ONLY_THE_DOMAIN, "ApplicationUsingJdbc", "java.sql.Connection");
    }

    @Test
    void the_adapter_rule_catches_one_adapter_importing_another() {
        assertViolated(ArchitectureRules.ADAPTERS_DO_NOT_KNOW_EACH_OTHER, "PersistenceUsingWeb", "ClientSettings");
    }

    @Test
    void the_web_cycle_rule_catches_two_capabilities_using_each_other() {
        assertViolated(ArchitectureRules.WEB_CAPABILITIES_ARE_FREE_OF_CYCLES, "Cycle detected", "OAuthUsingBff", "BffUsingOAuth");
    }

    @Test
    void the_controller_rule_catches_a_controller_using_an_out_port() {
        assertViolated(ArchitectureRules.CONTROLLERS_REACH_ONLY_INBOUND_PORTS, "RepositoryReachingController", "UserAccounts");
    }

    @Test
    void the_clock_rule_catches_wall_clock_reads_in_the_core() {
        assertViolated(ArchitectureRules.CORE_DOES_NOT_READ_THE_CLOCK_OR_DICE, "Instant.now()", "System.currentTimeMillis()");
    }

    @Test
    void the_onion_rule_catches_dependencies_pointing_outwards() {
        assertViolated(ArchitectureRules.ONION, "PersistenceUsingWeb", "ClientSettings");
    }

    @Test
    void the_coding_rules_catch_standard_streams() {
        assertViolated(ArchitectureRules.NO_STANDARD_STREAMS, "System.out");
    }

    private static void assertViolated(ArchRule rule, String... expectedInReport) {
        var result = rule.evaluate(VIOLATIONS);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(expectedInReport);
    }
}
