package dev.botfleet.ml.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** ml sits beside strategies and exchanges: it uses engine only, and like engine it takes time from its data. */
class MlArchitectureTest {
    static final JavaClasses ML = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.botfleet.ml");

    @Test
    void mlDependsOnEngineOnly() {
        noClasses().that().resideInAPackage("dev.botfleet.ml..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.botfleet.server..", "dev.botfleet.strategies..", "dev.botfleet.exchanges..",
                        "dev.botfleet.dex..", "org.springframework..")
                .check(ML);
    }

    @Test
    void featuresAndLabelsNeverReadTheWallClock() {
        // a live bot and a backtest must compute the same features from the same trades
        noClasses().that().resideInAPackage("dev.botfleet.ml..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Instant.class, "now")
                .check(ML);
    }

    @Test
    void theRuleSeesMlClasses() {
        assertThat(ML.contain("dev.botfleet.ml.features.SeedV1Features")).isTrue();
    }
}
