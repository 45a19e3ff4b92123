package app.physioportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import app.physioportal.diary.ui.QuickLogView;
import app.physioportal.progress.ui.ProgressView;
import app.physioportal.today.ui.TodayView;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.UIInitListener;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every page loads first (issue 23). Vaadin's production bundle puts into the first load of every page the web
 * components reachable, class by class, from the app shell, the layouts, the error pages and the init listeners;
 * each page's own components load with that page. A page class named from one of those (a forward by class, say)
 * would make its fields part of every page's first load, so they name pages by route. The same holds between pages:
 * a page that names another page's class loads that page's fields with its own (Today once loaded the whole quick
 * log form, date-time picker included, for its "I had cramps" button).
 */
class FirstLoadTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.physioportal");

    @Test
    void what_every_page_loads_reaches_no_page_class() {
        noClasses().that().implement(VaadinServiceInitListener.class)
                .or().implement(UIInitListener.class)
                .or().implement(HasErrorParameter.class)
                .or().implement(AppShellConfigurator.class)
                .or().areAnnotatedWith(Layout.class)
                .should().transitivelyDependOnClassesThat().areAnnotatedWith(Route.class)
                .check(CLASSES);
    }

    @Test
    void a_patients_first_pages_load_no_other_page() {
        for (Class<?> page : List.of(TodayView.class, QuickLogView.class, ProgressView.class)) {
            DescribedPredicate<JavaClass> anotherPage = DescribedPredicate.describe("are pages other than "
                    + page.getSimpleName(), type -> type.isAnnotatedWith(Route.class) && !type.isEquivalentTo(page));
            noClasses().that().belongToAnyOf(page)
                    .should().transitivelyDependOnClassesThat(anotherPage)
                    .check(CLASSES);
        }
    }
}
