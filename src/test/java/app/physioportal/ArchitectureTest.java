package app.physioportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Guards the layering of docs/ARCHITECTURE.md: screens in ui packages only, views never touch repositories. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.physioportal");

    @Test
    void vaadin_components_appear_only_in_ui_packages() {
        noClasses().that().resideOutsideOfPackages("..ui..")
                .and().doNotHaveFullyQualifiedName(Application.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(CLASSES);
    }

    @Test
    void views_never_touch_repositories_or_entities() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(CLASSES);
    }

    @Test
    void repositories_and_entities_are_package_private() {
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(CLASSES);
    }

    /** No cycles between features, screens included: a page composing several features lives in a module of its own. */
    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("app.physioportal.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
