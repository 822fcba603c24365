package dev.botfleet.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Arrows point one way: server -> strategies -> engine, server -> exchanges -> engine; the venue fakes depend on none of
 * the code they certify. Checked over every botfleet class on the classpath.
 */
class ModuleDirectionTest {
    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.botfleet");

    @Test
    void engineDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.botfleet.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.botfleet.server..", "dev.botfleet.strategies..",
                        "dev.botfleet.exchanges..", "dev.botfleet.fakes..")
                .check(ALL);
    }

    @Test
    void exchangesDependOnTheEngineOnly() {
        noClasses().that().resideInAPackage("dev.botfleet.exchanges..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.botfleet.server..", "dev.botfleet.strategies..",
                        "dev.botfleet.fakes..", "org.springframework..")
                .check(ALL);
    }

    @Test
    void theFakesAreIndependentOfWhatTheyCertify() {
        noClasses().that().resideInAPackage("dev.botfleet.fakes..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.botfleet.engine..", "dev.botfleet.exchanges..",
                        "dev.botfleet.server..", "dev.botfleet.strategies..")
                .check(ALL);
    }

    @Test
    void engineStaysFreeOfFrameworksAndIo() {
        noClasses().that().resideInAPackage("dev.botfleet.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                        "java.net.http..", "jakarta..")
                .check(ALL);
    }

    @Test
    void strategiesDoNotDependOnTheServer() {
        noClasses().that().resideInAPackage("dev.botfleet.strategies..")
                .should().dependOnClassesThat().resideInAPackage("dev.botfleet.server..")
                .check(ALL);
    }

    @Test
    void theServerIsFoundOnTheClasspath() {
        // guards the rules above against passing vacuously on an empty import
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("dev.botfleet.engine.strategy.definition")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("dev.botfleet.strategies")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("dev.botfleet.server.bot")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("dev.botfleet.exchanges.live")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("dev.botfleet.fakes.binance")).isTrue();
    }
}
