package app.physioportal.caseload;

import app.physioportal.booking.BookingOverview;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.caseload.CaseloadService.Trend;
import app.physioportal.clinic.Clinic;
import app.physioportal.messages.MessageService;
import app.physioportal.patient.AssignedPatient;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanOverview;
import app.physioportal.plan.PlanOverview.CurrentVersion;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The caseload as {@code CaseloadService} built it before the database summed the windows (issue 18): each
 * patient's recorded nights read night by night ({@code DiaryOverview.recordedNights}, kept here as it was) and the
 * windows counted in Java. The reference {@code CaseloadEquivalenceTest} compares the new caseload with, row for row.
 */
class ReferenceCaseload {

    private static final int STALE_AFTER_NIGHTS = CaseloadService.STALE_AFTER_NIGHTS;
    private static final int WINDOW_DAYS = CaseloadService.WINDOW_DAYS;
    private static final int MIN_NIGHTS = CaseloadService.MIN_NIGHTS;

    /** A recorded night of one patient: how many cramps (0 for a cramp-free check-in). */
    record RecordedNight(LocalDate night, int cramps) {
    }

    private final PatientService patientService;
    private final AdherenceService adherence;
    private final PlanOverview planOverview;
    private final BookingOverview bookingOverview;
    private final Clinic clinic;
    private final MessageService messages;
    private final NamedParameterJdbcTemplate jdbc;

    ReferenceCaseload(PatientService patientService, AdherenceService adherence, PlanOverview planOverview,
            BookingOverview bookingOverview, Clinic clinic, MessageService messages, NamedParameterJdbcTemplate jdbc) {
        this.patientService = patientService;
        this.adherence = adherence;
        this.planOverview = planOverview;
        this.bookingOverview = bookingOverview;
        this.clinic = clinic;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The signed-in physio's patients, those needing attention first. */
    List<CaseloadRow> myCaseload() {
        LocalDate today = clinic.today();
        List<AssignedPatient> patients = patientService.myPatients();
        List<Long> ids = patients.stream().map(AssignedPatient::id).toList();
        // The baseline window from each patient's first night, the recent window and the last night.
        Map<Long, List<RecordedNight>> nights = recordedNights(ids, today.minusDays(WINDOW_DAYS), WINDOW_DAYS);
        Map<Long, CurrentVersion> versions = planOverview.currentVersions(ids);
        Map<Long, Instant> nextVisits = bookingOverview.nextAppointments(ids);
        LocalDate recentFrom = today.minusDays(WINDOW_DAYS);
        Map<Long, Integer> adherencePercents = adherence.adherencePercents(ids, recentFrom, today.minusDays(1));
        Map<Long, Integer> unread = messages.unreadFromPatients(ids);
        Map<Long, Instant> waiting = messages.waitingSince(ids);
        Instant overdueBefore = clinic.now().toInstant().minus(messages.answerWithin());
        return patients.stream()
                .map(p -> row(p, nights.getOrDefault(p.id(), List.of()), versions.get(p.id()), nextVisits.get(p.id()),
                        adherencePercents.get(p.id()), today, unread.getOrDefault(p.id(), 0), waiting.get(p.id()),
                        overdueBefore))
                .sorted(Comparator.comparingInt(CaseloadRow::attention).reversed()
                        .thenComparing(CaseloadRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private CaseloadRow row(AssignedPatient patient, List<RecordedNight> nights, CurrentVersion plan,
            Instant nextVisit, Integer adherence, LocalDate today, int unread, Instant waitingSince,
            Instant overdueBefore) {
        LocalDate lastNight = nights.isEmpty() ? null : nights.get(nights.size() - 1).night();
        // Last night is the evening before today: a record for it means nothing is missing yet.
        boolean stale = lastNight == null || ChronoUnit.DAYS.between(lastNight, today) > STALE_AFTER_NIGHTS;

        LocalDate recentFrom = today.minusDays(WINDOW_DAYS);
        Double recent = perNight(nights, recentFrom, today);
        Double baseline = null;
        Trend trend;
        if (nights.isEmpty()) {
            trend = Trend.NOT_ENOUGH_DATA;
        } else {
            LocalDate first = nights.get(0).night();
            LocalDate baselineEnd = first.plusDays(WINDOW_DAYS);
            baseline = perNight(nights, first, baselineEnd);
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

    /** Cramps per recorded night in [from, to), or null with too few recorded nights to say. */
    static Double perNight(List<RecordedNight> nights, LocalDate from, LocalDate to) {
        var inWindow = nights.stream().filter(n -> !n.night().isBefore(from) && n.night().isBefore(to)).toList();
        if (inWindow.size() < MIN_NIGHTS) {
            return null;
        }
        return inWindow.stream().mapToInt(RecordedNight::cramps).sum() / (double) inWindow.size();
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

    private Map<Long, List<RecordedNight>> recordedNights(Collection<Long> patientIds, LocalDate recentFrom,
            int baselineDays) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, LocalDate[]> bounds = new HashMap<>();
        var ids = new MapSqlParameterSource("ids", patientIds);
        for (String sql : List.of(
                "select patient_id, min(night_date) as first_night, max(night_date) as last_night from cramp_entry"
                        + " where patient_id in (:ids) group by patient_id",
                "select patient_id, min(night_date) as first_night, max(night_date) as last_night from night_check_in"
                        + " where patient_id in (:ids) and cramp_free = true group by patient_id")) {
            jdbc.query(sql, ids, row -> {
                LocalDate first = row.getDate("first_night").toLocalDate();
                LocalDate last = row.getDate("last_night").toLocalDate();
                bounds.merge(row.getLong("patient_id"), new LocalDate[] {first, last}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
            });
        }
        if (bounds.isEmpty()) {
            return Map.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource("recent", Date.valueOf(recentFrom));
        StringBuilder where = new StringBuilder();
        int i = 0;
        for (var entry : bounds.entrySet()) {
            where.append(i == 0 ? "" : " or ").append("(patient_id = :p").append(i).append(" and (night_date between :f")
                    .append(i).append(" and :t").append(i).append(" or night_date >= :recent or night_date = :l")
                    .append(i).append("))");
            params.addValue("p" + i, entry.getKey())
                    .addValue("f" + i, Date.valueOf(entry.getValue()[0]))
                    .addValue("t" + i, Date.valueOf(entry.getValue()[0].plusDays(baselineDays - 1L)))
                    .addValue("l" + i, Date.valueOf(entry.getValue()[1]));
            i++;
        }
        Map<Long, TreeMap<LocalDate, Integer>> nights = new HashMap<>();
        jdbc.query("select patient_id, night_date, count(*) as cramps from cramp_entry where " + where
                + " group by patient_id, night_date", params, row -> {
                    nights.computeIfAbsent(row.getLong("patient_id"), id -> new TreeMap<>())
                            .put(row.getDate("night_date").toLocalDate(), row.getInt("cramps"));
                });
        jdbc.query("select patient_id, night_date from night_check_in where cramp_free = true and (" + where + ")",
                params, row -> {
                    nights.computeIfAbsent(row.getLong("patient_id"), id -> new TreeMap<>())
                            .putIfAbsent(row.getDate("night_date").toLocalDate(), 0);
                });
        Map<Long, List<RecordedNight>> result = new HashMap<>();
        nights.forEach((patient, byNight) -> {
            List<RecordedNight> list = new ArrayList<>(byNight.size());
            byNight.forEach((night, cramps) -> list.add(new RecordedNight(night, cramps)));
            result.put(patient, list);
        });
        return result;
    }
}
