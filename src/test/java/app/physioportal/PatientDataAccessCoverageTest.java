package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.booking.BookingOverview;
import app.physioportal.booking.BookingService;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.diary.DiaryOverview;
import app.physioportal.diary.DiaryService;
import app.physioportal.export.DataExportService;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanExport;
import app.physioportal.plan.PlanOverview;
import app.physioportal.plan.PlanService;
import app.physioportal.progress.ProgressService;
import app.physioportal.patient.PatientService;
import app.physioportal.security.PatientAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the services that hold patient data reaches {@link PatientAccess} before it
 * returns anything: directly, through a method of its own class, or through another checked service.
 * A new method that forgets the check fails here. Methods that touch no patient's data are listed by
 * name with the reason.
 */
class PatientDataAccessCoverageTest {

    private static final List<Class<?>> PATIENT_DATA_SERVICES = List.of(DiaryService.class, DiaryOverview.class,
            PlanService.class, PlanExport.class, BookingService.class, ProgressService.class,
            ClinicalNoteService.class, DataExportService.class, CaseloadService.class, PlanOverview.class,
            BookingOverview.class, PatientService.class, AdherenceService.class);

    /** Public methods on those services that read or write no patient's data. */
    private static final Set<String> NO_PATIENT_DATA = Set.of(
            "PlanService.currentDay",          // the clinic's current day
            "PlanService.trialTemplate",       // the stretching trial's template plan
            "PlanService.describeChanges",     // words for the difference of two drafts given by the caller
            "BookingService.noticePeriod",     // configuration
            "BookingService.maxFutureAppointments",
            "BookingService.myWeek",           // the signed-in physio's own schedule, selected by their id
            "PatientService.myPatients",       // the signed-in physio's own caseload, selected by their id
            "PatientService.createPatient",    // the admin creates and assigns records (admin only, audited)
            "PatientService.invite",
            "PatientService.reassign");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.physioportal");

    @Test
    void every_public_method_of_the_patient_data_services_checks_access_first() {
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (Class<?> service : PATIENT_DATA_SERVICES) {
            for (JavaMethod method : publicMethods(CLASSES.get(service))) {
                String name = service.getSimpleName() + "." + method.getName();
                if (NO_PATIENT_DATA.contains(name)) {
                    continue;
                }
                if (reachesPatientAccess(method, new HashSet<>())) {
                    checked++;
                } else {
                    unchecked.add(name);
                }
            }
        }
        assertThat(unchecked).as("public methods that never reach PatientAccess").isEmpty();
        assertThat(checked).as("methods covered").isGreaterThanOrEqualTo(38);
    }

    @Test
    void the_check_can_tell_a_method_without_access_control() {
        JavaMethod template = publicMethods(CLASSES.get(PlanService.class)).stream()
                .filter(m -> m.getName().equals("trialTemplate")).findFirst().orElseThrow();
        assertThat(reachesPatientAccess(template, new HashSet<>())).isFalse();
    }

    private static List<JavaMethod> publicMethods(JavaClass type) {
        return type.getMethods().stream()
                .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.STATIC))
                .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && !m.getModifiers().contains(JavaModifier.BRIDGE))
                .toList();
    }

    private static boolean reachesPatientAccess(JavaCodeUnit unit, Set<JavaCodeUnit> visited) {
        if (!visited.add(unit)) {
            return false;
        }
        for (var call : unit.getMethodCallsFromSelf()) {
            JavaClass target = call.getTargetOwner();
            if (target.isEquivalentTo(PatientAccess.class)
                    && Set.of("check", "checkAll", "checkAs", "checkWithHelpers", "checkRecorder", "checkNotViewOnly")
                            .contains(call.getName())) {
                return true;
            }
            boolean ownClass = target.equals(unit.getOwner());
            boolean checkedService = PATIENT_DATA_SERVICES.stream().anyMatch(target::isEquivalentTo);
            if (ownClass || checkedService) {
                for (JavaCodeUnit next : call.getTarget().resolveMember().stream().toList()) {
                    if (reachesPatientAccess(next, visited)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
