package app.physioportal.records;

import app.physioportal.base.InvalidInput;
import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.DiaryStatistics;
import app.physioportal.diary.NightSummary;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.notes.ClinicalNoteService.NoteView;
import app.physioportal.patient.PatientProfile;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.progress.ProgressReport;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable progress report: who, the plan's versions, the trial's figures (baseline against now), the weekly
 * figures and the stretching comparison of {@link ProgressService} over the chosen dates, the appointments and the
 * clinical notes the reader may see. For the patient themself and their physio; a helper is refused (the report
 * carries clinical notes, which helpers never see), as are admins and other physios.
 */
@Service
public class ProgressReportService {

    /** The diary reaches back 12 months; so does the report. */
    static final int MAX_MONTHS = 12;

    /**
     * The report over {@code from} to {@code to}.
     *
     * @param planVersions every version in force at some point up to {@code to}, oldest first
     * @param overall      the trial's figures over the whole range (null when nothing is recorded)
     * @param baseline     the same over the first two recorded weeks of the range, null while there are too few
     * @param now          the same over the latest two recorded weeks of the range, likewise
     * @param appointments the appointments in the range, earliest first
     * @param notes        the clinical notes written in the range that the reader may see (a patient: those shared
     *                     with them), newest first; the page lets the reader choose which to print
     */
    public record Report(PatientProfile patient, String clinicName, LocalDate from, LocalDate to, Instant madeAt,
            boolean forPatient, List<PlanVersionView> planVersions, ProgressReport progress, DiaryStatistics overall,
            @Nullable DiaryStatistics baseline, @Nullable DiaryStatistics now, List<AppointmentSummary> appointments,
            List<NoteView> notes) {

        /** Nothing recorded in the diary over the range: the page says so instead of drawing empty charts. */
        public boolean emptyDiary() {
            return overall.recordedNights() == 0;
        }

        public List<AppointmentSummary> attended() {
            return appointments.stream().filter(a -> a.status() == AppointmentStatus.ATTENDED).toList();
        }

        public long missed() {
            return appointments.stream().filter(a -> a.status() == AppointmentStatus.NO_SHOW).count();
        }
    }

    public record DateRange(LocalDate from, LocalDate to) {
    }

    private final PatientAccess access;
    private final PatientService patients;
    private final PlanService plans;
    private final DiaryService diary;
    private final ProgressService progress;
    private final BookingService booking;
    private final ClinicalNoteService notes;
    private final Clinic clinic;

    ProgressReportService(PatientAccess access, PatientService patients, PlanService plans, DiaryService diary,
            ProgressService progress, BookingService booking, ClinicalNoteService notes, Clinic clinic) {
        this.access = access;
        this.patients = patients;
        this.plans = plans;
        this.diary = diary;
        this.progress = progress;
        this.booking = booking;
        this.notes = notes;
        this.clinic = clinic;
    }

    /** From the plan's start or the first diary entry, whichever came first (within 12 months), to today. */
    @Transactional(readOnly = true)
    public DateRange defaultRange(long patientId) {
        access.check(patientId);
        LocalDate today = clinic.today();
        LocalDate earliest = today.minusMonths(MAX_MONTHS);
        LocalDate start = Stream.concat(
                        plans.history(patientId).stream().map(PlanVersionView::effectiveFrom),
                        diary.listNights(patientId, earliest, today).stream().filter(NightSummary::recorded)
                                .map(NightSummary::night))
                .filter(day -> !day.isAfter(today))
                .min(Comparator.naturalOrder()).orElse(today);
        return new DateRange(start.isBefore(earliest) ? earliest : start, today);
    }

    @Transactional(readOnly = true)
    public Report report(long patientId, LocalDate from, LocalDate to) {
        PortalUser reader = access.check(patientId);
        LocalDate today = clinic.today();
        if (from == null || to == null) {
            throw new InvalidInput(from == null ? "from" : "to", "Choose both dates.");
        }
        if (from.isAfter(to)) {
            throw new InvalidInput("from", "Choose a start date on or before the end date.");
        }
        if (from.isBefore(today.minusMonths(MAX_MONTHS))) {
            throw new InvalidInput("from", "The report reaches back 12 months at most.");
        }
        if (to.isAfter(today)) {
            throw new InvalidInput("to", "The report ends today at the latest.");
        }
        PatientProfile profile = patients.patientProfile(patientId);
        ProgressReport figures = progress.report(patientId, from, to);
        List<PlanVersionView> versions = plans.history(patientId).stream()
                .filter(v -> !v.effectiveFrom().isAfter(to))
                .sorted(Comparator.comparing(PlanVersionView::number)).toList();
        // The diary's nights end with last night: the night of "today" has not happened yet.
        LocalDate lastNight = figures.to().isBefore(from) ? from : figures.to();
        DiaryStatistics overall = diary.statistics(patientId, from, lastNight);
        DiaryStatistics baseline = null;
        DiaryStatistics now = null;
        if (figures.baseline() != null) {
            // The first week of the range may begin before its first day: its figures count from that day.
            baseline = diary.statistics(patientId, later(figures.baseline().baseline().from(), from),
                    figures.baseline().baseline().to());
            now = diary.statistics(patientId, later(figures.baseline().now().from(), from),
                    figures.baseline().now().to());
        }
        List<AppointmentSummary> visits = booking.appointments(patientId).stream()
                .filter(a -> within(clinic.at(a.start()).toLocalDate(), from, to)).toList();
        List<NoteView> visibleNotes = notes.notesFor(patientId).stream()
                .filter(n -> within(clinic.at(n.writtenAt()).toLocalDate(), from, to)).toList();
        return new Report(profile, clinic.name(), from, to, clinic.now().toInstant(), reader.role() == Role.PATIENT,
                versions, figures, overall, baseline, now, visits, visibleNotes);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
