package io.leaklens;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The layering of ../shared/docs/architecture.md, enforced. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.leaklens");
    }

    @Test
    void layersDependOnlyOnWhatTheyMay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.leaklens.model..")
                .layer("attach").definedBy("io.leaklens.attach..")
                .optionalLayer("jfr").definedBy("io.leaklens.jfr..")
                .layer("analysis").definedBy("io.leaklens.analysis..")
                .optionalLayer("store").definedBy("io.leaklens.store..")
                .layer("heapdump").definedBy("io.leaklens.heapdump..")
                .layer("session").definedBy("io.leaklens.session..")
                .layer("cli").definedBy("io.leaklens.cli..")
                .layer("ui").definedBy("io.leaklens.ui..")
                .layer("demo").definedBy("io.leaklens.demo..")
                // LeakLens.main (outside every layer) is the only way into the UI and the CLI.
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("session").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("store").mayOnlyBeAccessedByLayers("session", "cli", "ui")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("session", "cli", "ui")
                .whereLayer("jfr").mayOnlyBeAccessedByLayers("session")
                .whereLayer("heapdump").mayOnlyBeAccessedByLayers("session")
                .whereLayer("attach").mayOnlyBeAccessedByLayers("session")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }

    @Test
    void modelUsesJavaBaseOnly() {
        noClasses().that().resideInAPackage("io.leaklens.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.leaklens.model..")
                .check(classes);
    }

    @Test
    void heapDumpUsesModelAndJavaBaseOnly() {
        noClasses().that().resideInAPackage("io.leaklens.heapdump..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.leaklens.model..",
                        "io.leaklens.heapdump..")
                .check(classes);
    }

    @Test
    void demoUsesJavaBaseOnly() {
        noClasses().that().resideInAPackage("io.leaklens.demo..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.leaklens.demo..")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackages("io.leaklens.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void picocliOnlyInTheCli() {
        noClasses().that().resideOutsideOfPackages("io.leaklens.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(classes);
    }

    @Test
    void jfrOnlyInJfrAndSession() {
        noClasses().that().resideOutsideOfPackages("io.leaklens.jfr..", "io.leaklens.session..")
                .should().dependOnClassesThat().resideInAnyPackage("jdk.jfr..", "jdk.management.jfr..")
                .check(classes);
    }

    @Test
    void attachApiOnlyInAttach() {
        noClasses().that().resideOutsideOfPackages("io.leaklens.attach..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.tools.attach..")
                .check(classes);
    }

    @Test
    void analysisAndStoreDoNoIoOrThreads() {
        noClasses().that().resideInAPackage("io.leaklens.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.util.concurrent..",
                        "java.lang.management..", "javax.management..")
                .check(classes);
    }
}
