package dev.gatehouse.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** The dependency rules of docs/architecture.md, one constant each, shared by the checks and their self-test. */
final class ArchitectureRules {

    static final String DOMAIN = "dev.gatehouse.domain..";
    static final String APPLICATION = "dev.gatehouse.application..";
    static final String WEB = "dev.gatehouse.adapter.in.web..";
    static final String SECURITY = "dev.gatehouse.adapter.out.security..";
    static final String PERSISTENCE = "dev.gatehouse.adapter.out.persistence..";
    static final String MAIL = "dev.gatehouse.adapter.out.mail..";

    static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the rules must be readable and testable without any framework, database or HTTP");

    static final ArchRule APPLICATION_USES_ONLY_THE_DOMAIN = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java.lang..", "java.util..", "java.time..")
            .because("use cases are plain Java wired by the bootstrap module: no Micronaut, no java.sql, no HTTP");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_EACH_OTHER = slices().matching("dev.gatehouse.adapter.(*).(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only through the application's ports");

    static final ArchRule WEB_CAPABILITIES_ARE_FREE_OF_CYCLES = slices().matching("dev.gatehouse.adapter.in.web.(*)..")
            .should().beFreeOfCycles()
            .because("each capability of the web adapter (oauth, account, lifecycle, browser, bff, ops, problem) can be read, "
                    + "changed and tested on top of the ones it uses, never entangled with one that uses it");

    static final ArchRule CONTROLLERS_REACH_ONLY_INBOUND_PORTS = noClasses().that().resideInAPackage(WEB)
            .should().dependOnClassesThat().resideInAnyPackage("dev.gatehouse.application.port.out..",
                    "dev.gatehouse.application.service..", SECURITY, PERSISTENCE, MAIL)
            .because("a controller talks to a use case interface, never to a repository or an implementation");

    static final ArchRule CORE_DOES_NOT_READ_THE_CLOCK_OR_DICE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("time comes from an injected Clock and randomness from an injected source, so every rule is testable without sleeping");

    static final ArchRule ONION = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("web", WEB, SECURITY)
            .adapter("persistence", PERSISTENCE)
            .adapter("mail", MAIL)
            .withOptionalLayers(true)
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.gatehouse.bootstrap.."), DescribedPredicate.alwaysTrue())
            .because("dependencies point inwards: adapters → application → domain; only the composition root "
                    + "(bootstrap) sees everything");

    static final ArchRule NO_STANDARD_STREAMS = noClasses().that().resideOutsideOfPackage("dev.gatehouse.bootstrap")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything goes through the logger, where secrets are kept out; only the command line of "
                    + "the bootstrap module (main, --generate-keys) prints");

    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("one logging system (SLF4J/Logback) with one configuration");

    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("expected outcomes are sealed results; exceptions name what broke");

    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("constructor injection keeps dependencies visible and classes testable");

    static final List<ArchRule> ALL = List.of(DOMAIN_IS_PLAIN_JAVA, APPLICATION_USES_ONLY_THE_DOMAIN,
            ADAPTERS_DO_NOT_KNOW_EACH_OTHER, WEB_CAPABILITIES_ARE_FREE_OF_CYCLES, CONTROLLERS_REACH_ONLY_INBOUND_PORTS, CORE_DOES_NOT_READ_THE_CLOCK_OR_DICE, ONION,
            NO_STANDARD_STREAMS, NO_JAVA_UTIL_LOGGING, NO_GENERIC_EXCEPTIONS, NO_FIELD_INJECTION);

    private ArchitectureRules() {
    }
}
