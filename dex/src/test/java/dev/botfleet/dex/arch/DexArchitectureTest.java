package dev.botfleet.dex.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** dex sits beside exchanges and ml: it uses the engine only, never the server or a framework. */
class DexArchitectureTest {
    static final JavaClasses DEX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.botfleet.dex");

    @Test
    void dexDependsOnEngineOnly() {
        noClasses().that().resideInAPackage("dev.botfleet.dex..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.botfleet.server..", "dev.botfleet.strategies..", "dev.botfleet.exchanges..",
                        "dev.botfleet.ml..", "dev.botfleet.fakes..", "org.springframework..")
                .allowEmptyShould(true)
                .check(DEX);
    }

    @Test
    void theRuleSeesDexClasses() {
        assertThat(DEX.containPackage("dev.botfleet.dex")).isTrue();
    }
}
