package app.physioportal.caseload;

import app.physioportal.booking.BookingOverview;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryOverview;
import app.physioportal.messages.MessageService;
import app.physioportal.diary.DiaryOverview.Windows;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanOverview;
import app.physioportal.plan.PlanOverview.CurrentVersion;
import app.physioportal.patient.AssignedPatient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The physio's caseload: who is doing well, who is slipping, who needs attention first. */
@Service
public class CaseloadService {

    /** Nights without a record before a patient counts as stale. */
    static final int STALE_AFTER_NIGHTS = 3;
    static final int WINDOW_DAYS = 14;
    /** Fewer recorded nights than this in a window and the figure is not worth comparing. */
    static final int MIN_NIGHTS = 4;

    public enum Trend { IMPROVING, NO_CHANGE, WORSE, BASELINE_ONLY, NOT_ENOUGH_DATA }

    /**
     * One patient's line on the caseload.
     *
     * @param baselinePerNight cramps per recorded night over the first two recorded weeks
     * @param recentPerNight   cramps per recorded night over the last two weeks
     * @param adherencePercent share of prescribed exercise done over the last two weeks, null without a plan
     * @param unreadMessages   messages from the patient the physio has not opened yet
     * @param waitingSince     when the patient's oldest unanswered message was sent, if the last word is theirs
     * @param answerOverdue    whether that was longer ago than the clinic promises to answer within
     */
    public record CaseloadRow(long patientId, String name, LocalDate lastRecordedNight, boolean stale,
            Double baselinePerNight, Double recentPerNight, Trend trend, Integer adherencePercent,
            Integer planVersion, LocalDate planSince, Instant nextAppointment, int attention, int unreadMessages,
            Instant waitingSince, boolean answerOverdue) {
    }

    private final PatientService patientService;
    private final DiaryOverview diary;
    private final AdherenceService adherence;
    private final PlanOverview planOverview;
    private final BookingOverview bookingOverview;
    private final Clinic clinic;
    private final MessageService messages;

    CaseloadService(PatientService patientService, DiaryOverview diary, AdherenceService adherence, PlanOverview planOverview,
            BookingOverview bookingOverview, Clinic clinic, MessageService messages) {
        this.messages = messages;
        this.planOverview = planOverview;
        this.bookingOverview = bookingOverview;
        this.patientService = patientService;
        this.diary = diary;
        this.adherence = adherence;
        this.clinic = clinic;
    }

    /** The signed-in physio's patients, those needing attention first. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public List<CaseloadRow> myCaseload() {
        LocalDate today = clinic.today();
        List<AssignedPatient> patients = patientService.myPatients();
        List<Long> ids = patients.stream().map(AssignedPatient::id).toList();
        LocalDate recentFrom = today.minusDays(WINDOW_DAYS);
        // The baseline window from each patient's first night and the recent window, summed by the database.
        Map<Long, Windows> windows = diary.windows(ids, recentFrom, today, WINDOW_DAYS);
        Map<Long, CurrentVersion> versions = planOverview.currentVersions(ids);
        Map<Long, Instant> nextVisits = bookingOverview.nextAppointments(ids);
        Map<Long, Integer> adherencePercents = adherence.adherencePercents(ids, recentFrom, today.minusDays(1));
        Map<Long, Integer> unread = messages.unreadFromPatients(ids);
        Map<Long, Instant> waiting = messages.waitingSince(ids);
        Instant overdueBefore = clinic.now().toInstant().minus(messages.answerWithin());
        return patients.stream()
                .map(p -> row(p, windows.get(p.id()), versions.get(p.id()), nextVisits.get(p.id()),
                        adherencePercents.get(p.id()), today, unread.getOrDefault(p.id(), 0), waiting.get(p.id()),
                        overdueBefore))
                .sorted(Comparator.comparingInt(CaseloadRow::attention).reversed()
                        .thenComparing(CaseloadRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private CaseloadRow row(AssignedPatient patient, Windows nights, CurrentVersion plan,
            Instant nextVisit, Integer adherence, LocalDate today, int unread, Instant waitingSince,
            Instant overdueBefore) {
        LocalDate lastNight = nights == null ? null : nights.lastNight();
        // Last night is the evening before today: a record for it means nothing is missing yet.
        boolean stale = lastNight == null || ChronoUnit.DAYS.between(lastNight, today) > STALE_AFTER_NIGHTS;

        LocalDate recentFrom = today.minusDays(WINDOW_DAYS);
        Double recent = nights == null ? null : perNight(nights.recentNights(), nights.recentCramps());
        Double baseline = null;
        Trend trend;
        if (nights == null) {
            trend = Trend.NOT_ENOUGH_DATA;
        } else {
            LocalDate baselineEnd = nights.firstNight().plusDays(WINDOW_DAYS);
            baseline = perNight(nights.baselineNights(), nights.baselineCramps());
            trend = baselineEnd.isAfter(recentFrom) ? Trend.BASELINE_ONLY : trend(baseline, recent);
        }

        int attention = switch (trend) {
            case WORSE -> 4;
            case NO_CHANGE -> 2;
            case NOT_ENOUGH_DATA -> 1;
            default -> 0;
        } + (stale ? 3 : 0) + (adherence != null && adherence < 50 ? 2 : 0) + (plan == null ? 1 : 0);
        boolean overdue = waitingSince != null && waitingSince.isBefore(overdueBefore);
        // A question left unanswered past the clinic's promise comes first; an unread one soon after.
        attention += overdue ? 5 : unread > 0 ? 3 : 0;
        return new CaseloadRow(patient.id(), patient.displayName(), lastNight, stale, baseline, recent, trend,
                adherence, plan == null ? null : plan.number(), plan == null ? null : plan.effectiveFrom(),
                nextVisit, attention, unread, waitingSince, overdue);
    }

    /** Cramps per recorded night over a window, or null with too few recorded nights to say. */
    static Double perNight(int recordedNights, int cramps) {
        if (recordedNights < MIN_NIGHTS) {
            return null;
        }
        return cramps / (double) recordedNights;
    }

    /** Improving or worse when cramps per night changed by a fifth and by at least a quarter cramp. */
    static Trend trend(Double baseline, Double recent) {
        if (baseline == null || recent == null) {
            return Trend.NOT_ENOUGH_DATA;
        }
        double change = recent - baseline;
        if (Math.abs(change) < 0.25 || Math.abs(change) < 0.2 * baseline) {
            return Trend.NO_CHANGE;
        }
        return change < 0 ? Trend.IMPROVING : Trend.WORSE;
    }
}
