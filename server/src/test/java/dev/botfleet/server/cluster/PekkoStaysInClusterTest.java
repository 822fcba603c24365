package dev.botfleet.server.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Clustering is the server's concern, in one package: nothing else of ours touches Pekko, so with
 * botfleet.cluster.enabled=false no Pekko class is loaded (the runtime knows only its BotPlacement interface).
 */
class PekkoStaysInClusterTest {
    @Test
    void onlyTheClusterPackageUsesPekko() {
        JavaClasses ours = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.botfleet");
        noClasses().that().resideOutsideOfPackage("dev.botfleet.server.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pekko..", "com.typesafe.config..")
                .check(ours);
    }
}
