package dev.botfleet.engine.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** engine is the pure kernel: nothing of ours above it, no frameworks, no I/O, no wall clock. */
class EngineArchitectureTest {
    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.botfleet.engine");

    @Test
    void engineImportsNothingFromServerStrategiesOrFrameworks() {
        noClasses().that().resideInAPackage("dev.botfleet.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.botfleet.server..", "dev.botfleet.strategies..", "dev.botfleet.exchanges..",
                        "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..")
                .check(ENGINE);
    }

    @Test
    void engineNeverReadsTheWallClock() {
        noClasses().that().resideInAPackage("dev.botfleet.engine..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .because("time comes only from events or a Clock the caller passes in (DESIGN.md, principle 2)")
                .check(ENGINE);
    }

    @Test
    void theRuleSeesEngineClasses() {
        // guards the two rules above against passing vacuously on an empty import
        org.assertj.core.api.Assertions.assertThat(ENGINE.contain("dev.botfleet.engine.kernel.BotKernel")).isTrue();
    }
}
