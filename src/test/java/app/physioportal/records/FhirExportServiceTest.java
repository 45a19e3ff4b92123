package app.physioportal.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.records.FhirExportService.FhirExport;
import app.physioportal.security.SystemTasks;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The FHIR R4 bundle per demo patient: its content, HAPI's validator on it, and who may have it. */
@PortalTest
class FhirExportServiceTest {

    private static final List<String> DEMO_PATIENTS = List.of(Demo.PATIENT1, Demo.PATIENT2, Demo.PATIENT3,
            Demo.PATIENT4, Demo.PATIENT5, Demo.PATIENT6);

    private static FhirValidator validator;

    @Autowired
    FhirExportService fhir;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @BeforeAll
    static void validator() {
        var context = FhirExportService.fhirContext();
        var support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context));
        validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
    }

    private FhirExport exportAs(String account, long patientId) {
        AtomicReference<FhirExport> export = new AtomicReference<>();
        systemTasks.runAsAccount(account, () -> export.set(fhir.export(patientId)));
        return export.get();
    }

    private static Bundle parse(FhirExport export) {
        return FhirExportService.fhirContext().newJsonParser().parseResource(Bundle.class, export.json());
    }

    @Test
    void patient1s_bundle_holds_her_plan_diary_and_visits_and_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "DATA_EXPORTED", patient1);

        FhirExport export = exportAs(Demo.PATIENT1, patient1);
        Bundle bundle = parse(export);

        System.out.println("patient1 FHIR bundle resource counts: " + export.resourceCounts());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(export.fileName()).matches("physio-portal-fhir-\\d{4}-\\d{2}-\\d{2}\\.json");
        assertThat(export.resourceCounts()).containsKeys("Patient", "Practitioner", "CarePlan", "Provenance",
                "Observation", "Appointment");
        assertThat(export.resourceCounts().get("Patient")).isEqualTo(1);
        assertThat(export.resourceCounts().get("CarePlan")).isEqualTo(export.resourceCounts().get("Provenance"));
        assertThat(export.resourceCounts().get("Observation")).as("ten weeks of nights and check-ins").isGreaterThan(50);

        Patient patient = resources(bundle, Patient.class).getFirst();
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Margaret Ellis");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Ellis");

        List<CarePlan> plans = resources(bundle, CarePlan.class);
        assertThat(plans.getLast().getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(plans.getLast().getActivity()).isNotEmpty();
        assertThat(plans.getLast().getActivityFirstRep().getDetail().getScheduledTiming().getRepeat().getFrequency())
                .isPositive();
        if (plans.size() > 1) {
            assertThat(plans.getFirst().getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
            assertThat(plans.get(1).getReplaces()).extracting(Reference::getReference)
                    .containsExactly(entryUrl(bundle, plans.getFirst()));
        }
        assertThat(resources(bundle, Provenance.class)).allSatisfy(p -> {
            assertThat(p.getAgentFirstRep().getWho().getReference()).startsWith("urn:uuid:");
            assertThat(p.getReasonFirstRep().getText()).isNotBlank();
        });

        List<Observation> nights = resources(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCodingFirstRep().getCode().equals("night-cramps")).toList();
        assertThat(nights).allSatisfy(o -> {
            assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirBundleBuilder.DIARY_CODES);
            assertThat(o.getEffectivePeriod().getStart()).isBefore(o.getEffectivePeriod().getEnd());
        });
        assertThat(nights).anySatisfy(o -> assertThat(o.getComponent()).extracting(c -> c.getCode()
                .getCodingFirstRep().getCode()).contains("cramp-count", "worst-intensity", "woke-from-sleep"));
        assertThat(resources(bundle, Appointment.class)).extracting(Appointment::getStatus)
                .contains(Appointment.AppointmentStatus.FULFILLED);
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "DATA_EXPORTED", patient1)).isEqualTo(before + 1);
    }

    @Test
    void every_demo_patients_bundle_passes_hapis_validator_against_the_base_r4_profiles() {
        for (String email : DEMO_PATIENTS) {
            FhirExport export = exportAs(email, ids.idOf(email));
            ValidationResult result = validator.validateWithResult(export.json());
            List<SingleValidationMessage> errors = result.getMessages().stream()
                    .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
            long warnings = result.getMessages().stream()
                    .filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).count();
            System.out.println("FHIR validation " + email + ": " + export.resources() + " resources "
                    + export.resourceCounts() + ", " + errors.size() + " errors, " + warnings + " warnings");
            result.getMessages().stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                    .map(SingleValidationMessage::getMessage).distinct().limit(5)
                    .forEach(m -> System.out.println("  warning: " + m));
            assertThat(errors).as(email).extracting(m -> m.getLocationString() + ": " + m.getMessage()).isEmpty();
        }
    }

    @Test
    void the_assigned_physio_exports_and_the_export_is_audited() {
        long patient5 = ids.idOf(Demo.PATIENT5);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "DATA_EXPORTED", patient5);
        FhirExport export = exportAs(Demo.PHYSIO2, patient5);
        assertThat(resources(parse(export), Patient.class).getFirst().getNameFirstRep().getText())
                .isEqualTo("George Adeyemi");
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "DATA_EXPORTED", patient5)).isEqualTo(before + 1);
    }

    @Test
    void a_foreign_id_is_refused_and_the_refusal_audited_for_patients_physios_helpers_and_admins() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        for (String outsider : List.of(Demo.PATIENT2, Demo.PHYSIO2, Demo.HELPER, Demo.ADMIN)) {
            int before = ids.auditCountForPatient(outsider, "ACCESS_DENIED", patient1);
            systemTasks.runAsAccount(outsider, () -> assertThatThrownBy(() -> fhir.export(patient1))
                    .as(outsider).isInstanceOf(AccessDeniedException.class));
            assertThat(ids.auditCountForPatient(outsider, "ACCESS_DENIED", patient1)).as(outsider)
                    .isEqualTo(before + 1);
        }
        long patient5 = ids.idOf(Demo.PATIENT5);
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> assertThatThrownBy(() -> fhir.export(patient5))
                .isInstanceOf(AccessDeniedException.class));
    }

    private static <T> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static String entryUrl(Bundle bundle, CarePlan plan) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == plan).findFirst().orElseThrow().getFullUrl();
    }
}
