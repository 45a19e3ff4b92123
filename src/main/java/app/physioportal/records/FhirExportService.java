package app.physioportal.records;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.booking.BookingService;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanService;
import app.physioportal.security.PatientAccess;
import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's record as a FHIR R4 Bundle (JSON): the patient, their physio, each plan version as a CarePlan with a
 * Provenance for who changed it and why, an Observation per recorded night and per morning check-in, and the
 * appointments. For the patient themself and their physio now; helpers, admins and other physios are refused.
 * Each export is audited like the data download.
 */
@Service
public class FhirExportService {

    /** The bundle as a file, with how many resources of each type it holds. */
    public record FhirExport(String fileName, String json, Map<String, Integer> resourceCounts) {

        public int resources() {
            return resourceCounts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The diary reaches back 12 months; an older start of care adds only empty nights. */
    private static final int DIARY_MONTHS = 12;

    // Building a FhirContext scans the whole R4 model (a second or two): one for the application's lifetime.
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4();
    }

    private final PatientAccess access;
    private final PatientService patients;
    private final PlanService plans;
    private final DiaryService diary;
    private final BookingService booking;
    private final AuditService audit;
    private final Clinic clinic;
    private final Clock clock;

    FhirExportService(PatientAccess access, PatientService patients, PlanService plans, DiaryService diary,
            BookingService booking, AuditService audit, Clinic clinic, Clock clock) {
        this.access = access;
        this.patients = patients;
        this.plans = plans;
        this.diary = diary;
        this.booking = booking;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
    }

    static FhirContext fhirContext() {
        return Context.R4;
    }

    @Transactional(readOnly = true)
    public FhirExport export(long patientId) {
        access.check(patientId);
        Bundle bundle = bundle(patientId);
        Map<String, Integer> counts = FhirBundleBuilder.counts(bundle);
        String json = Context.R4.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
        audit.record(AuditAction.DATA_EXPORTED, patientId, "FHIR R4 bundle: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        return new FhirExport("physio-portal-fhir-" + clinic.today() + ".json", json, counts);
    }

    private Bundle bundle(long patientId) {
        LocalDate today = clinic.today();
        var profile = patients.patientProfile(patientId);
        LocalDate diaryFrom = today.minusMonths(DIARY_MONTHS);
        if (profile.assignedSince() != null && profile.assignedSince().isBefore(diaryFrom)) {
            diaryFrom = profile.assignedSince();
        }
        var source = new FhirBundleBuilder.Source(profile, plans.history(patientId),
                diary.listNights(patientId, diaryFrom, today), booking.appointments(patientId), today,
                clock.instant());
        return new FhirBundleBuilder(clinic.zone()).build(source);
    }
}
