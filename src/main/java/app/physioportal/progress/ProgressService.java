package app.physioportal.progress;

import app.physioportal.base.InvalidInput;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.DiaryTotals;
import app.physioportal.diary.DiaryTotals.NightTotal;
import app.physioportal.diary.Nights;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.AdherenceHistory;
import app.physioportal.plan.NightStretch;
import app.physioportal.plan.PlanSchedule;
import app.physioportal.plan.PlanSchedule.VersionStart;
import app.physioportal.plan.WeekAdherence;
import app.physioportal.progress.ProgressReport.BaselineVsNow;
import app.physioportal.progress.ProgressReport.Period;
import app.physioportal.progress.ProgressReport.PlanMarker;
import app.physioportal.progress.ProgressReport.StretchComparison;
import app.physioportal.progress.ProgressReport.Week;
import app.physioportal.security.PatientAccess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress page's figures, read from the diary and the plan through their services: weekly cramps,
 * intensity and adherence, plan-version markers, where and why, baseline vs now and the personal
 * "does stretching help me" comparison.
 */
@Service
public class ProgressService {

    /** A week with fewer recorded nights says too little to chart as a rate. */
    public static final int MIN_NIGHTS_PER_WEEK = 3;
    /** Each group of the stretching comparison needs this many recorded nights. */
    public static final int MIN_NIGHTS_TO_COMPARE = 7;
    /** The diary accepts entries from the last 12 months; "all" looks that far back. */
    private static final int HISTORY_WEEKS = 54;

    private final DiaryService diary;
    private final AdherenceService adherence;
    private final PatientAccess access;
    private final Nights nights;
    private final Clock clock;

    ProgressService(DiaryService diary, AdherenceService adherence, PatientAccess access, Nights nights, Clock clock) {
        this.diary = diary;
        this.adherence = adherence;
        this.access = access;
        this.nights = nights;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProgressReport report(long patientId, ProgressRange range) {
        access.checkWithHelpers(patientId);
        LocalDate lastNight = nights.lastNight(clock);
        LocalDate currentWeek = Nights.weekStart(lastNight);
        LocalDate historyFrom = currentWeek.minusWeeks(HISTORY_WEEKS);
        // Where and why count over the weeks shown. A range starts at the later of its own first week and the
        // patient's start (see rangeStart); no cramp lies between those two (a cramp makes its night recorded, and
        // the patient's start is no later than their first recorded week), so counting from the range's own first
        // week gives the same figures, and the diary is read in one call (one access record for a physio).
        LocalDate countFrom = range == ProgressRange.ALL ? historyFrom
                : later(currentWeek.minusWeeks(range.weeks() - 1L), historyFrom);
        // One grouped read of the diary and one of the ticks serve every figure on the page.
        DiaryTotals totals = diary.totals(patientId, historyFrom, lastNight, countFrom);
        List<WeekTotal> history = weeks(totals.nights(), historyFrom, currentWeek);
        // The plan is read once: its versions place the range and the markers, and the same read gives adherence.
        PlanSchedule plan = adherence.schedule(patientId);
        LocalDate from = rangeStart(range, currentWeek, history, plan.versions());
        return assemble(patientId, range, from, lastNight, historyFrom, totals, history, plan);
    }

    /**
     * The same figures for the nights from {@code from} to {@code to} (the printable report's date range): the
     * weeks, plan markers, where and why, the stretching comparison and baseline vs now all within the range. A
     * range reaching past last night ends there; one starting before the diary's 12 months starts there.
     */
    @Transactional(readOnly = true)
    public ProgressReport report(long patientId, LocalDate from, LocalDate to) {
        access.checkWithHelpers(patientId);
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInput("from", "Choose a start date on or before the end date.");
        }
        LocalDate lastNight = nights.lastNight(clock);
        LocalDate end = to.isAfter(lastNight) ? lastNight : to;
        LocalDate earliest = Nights.weekStart(lastNight).minusWeeks(HISTORY_WEEKS);
        LocalDate start = from.isBefore(earliest) ? earliest : from.isAfter(end) ? end : from;
        DiaryTotals totals = diary.totals(patientId, start, end, start);
        List<WeekTotal> history = weeks(totals.nights(), Nights.weekStart(start), Nights.weekStart(end));
        return assemble(patientId, null, Nights.weekStart(start), end, start, totals, history,
                adherence.schedule(patientId));
    }

    /** Everything from one grouped read of the diary ({@code historyFrom} to {@code lastNight}); weeks shown from {@code from}. */
    private ProgressReport assemble(long patientId, ProgressRange range, LocalDate from, LocalDate lastNight,
            LocalDate historyFrom, DiaryTotals totals, List<WeekTotal> history, PlanSchedule plan) {
        List<VersionStart> versions = plan.versions();
        LocalDate planStart = versions.stream().map(VersionStart::effectiveFrom).min(Comparator.naturalOrder())
                .filter(start -> !start.isAfter(lastNight)).orElse(null);
        // The stretching comparison covers the plan's nights within the diary's 12 months.
        LocalDate stretchFrom = planStart == null ? null : planStart.isBefore(historyFrom) ? historyFrom : planStart;
        AdherenceHistory ticks = adherence.adherenceHistory(plan, from, stretchFrom, lastNight);
        List<WeekTotal> shown = history.stream().filter(w -> !w.weekStart().isBefore(from)).toList();
        Map<LocalDate, Integer> adherence = ticks.weeks().stream()
                .filter(w -> w.percent() != null)
                .collect(Collectors.toMap(WeekAdherence::weekStart, WeekAdherence::percent, (a, b) -> b));

        List<Week> weeks = shown.stream().map(w -> week(w, adherence.get(w.weekStart()))).toList();
        List<PlanMarker> markers = versions.stream()
                .filter(v -> !v.effectiveFrom().isBefore(from) && !v.effectiveFrom().isAfter(lastNight))
                // Versions starting on the same day: the newer first, as when they were read newest first.
                .sorted(Comparator.comparing(VersionStart::effectiveFrom)
                        .thenComparing(VersionStart::number, Comparator.reverseOrder()))
                .map(v -> new PlanMarker(v.number(), v.effectiveFrom(), Nights.weekStart(v.effectiveFrom())))
                .toList();
        List<WeekTotal> recordedWeeks = history.stream().filter(ProgressService::sufficient).toList();
        return new ProgressReport(patientId, range, from, lastNight, weeks, markers, totals.locations(),
                totals.triggers(), baselineVsNow(recordedWeeks, lastNight), recordedWeeks.size(),
                stretching(ticks.bedtimeNights(), totals.nights()));
    }

    /** One diary week summed from its recorded nights; the mean intensity is exact (sum over count). */
    private record WeekTotal(LocalDate weekStart, int recordedNights, int cramps, long intensitySum,
            Integer worstIntensity) {

        Double crampsPerNight() {
            return recordedNights == 0 ? null : (double) cramps / recordedNights;
        }

        Double meanIntensity() {
            return cramps == 0 ? null : (double) intensitySum / cramps;
        }

        WeekTotal plus(NightTotal night) {
            Integer worst = worstIntensity;
            if (night.worstIntensity() != null && (worst == null || night.worstIntensity() > worst)) {
                worst = night.worstIntensity();
            }
            return new WeekTotal(weekStart, recordedNights + 1, cramps + night.cramps(),
                    intensitySum + night.intensitySum(), worst);
        }
    }

    /** Every Monday-start week from {@code firstWeek} to {@code lastWeek}, recorded or not, oldest first. */
    private static List<WeekTotal> weeks(List<NightTotal> recorded, LocalDate firstWeek, LocalDate lastWeek) {
        Map<LocalDate, WeekTotal> byWeek = new TreeMap<>();
        for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            byWeek.put(week, new WeekTotal(week, 0, 0, 0, null));
        }
        for (NightTotal night : recorded) {
            byWeek.computeIfPresent(Nights.weekStart(night.night()), (week, total) -> total.plus(night));
        }
        return List.copyOf(byWeek.values());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * The first week shown. A range never starts before the patient's own start (their first recorded night or
     * their plan's first version, whichever came first), so a new patient's chart is not mostly empty weeks from
     * before they began; and "All" is that start, so it never shows less than a shorter range.
     */
    private static LocalDate rangeStart(ProgressRange range, LocalDate currentWeek, List<WeekTotal> history,
            List<VersionStart> versions) {
        LocalDate patientStart = Stream.concat(
                        history.stream().filter(w -> w.recordedNights() > 0).map(WeekTotal::weekStart),
                        versions.stream().map(v -> Nights.weekStart(v.effectiveFrom())))
                .filter(week -> !week.isAfter(currentWeek))
                .min(Comparator.naturalOrder()).orElse(currentWeek);
        if (range == ProgressRange.ALL) {
            return patientStart;
        }
        LocalDate rangeFrom = currentWeek.minusWeeks(range.weeks() - 1L);
        return rangeFrom.isBefore(patientStart) ? patientStart : rangeFrom;
    }

    private static boolean sufficient(WeekTotal week) {
        return week.recordedNights() >= MIN_NIGHTS_PER_WEEK;
    }

    private static Week week(WeekTotal w, Integer adherencePercent) {
        boolean enough = sufficient(w);
        Double perNight = enough ? w.crampsPerNight() : null;
        return new Week(w.weekStart(), w.recordedNights(), w.cramps(), perNight, perNight == null ? null : perNight * 7,
                enough ? w.meanIntensity() : null, enough ? w.worstIntensity() : null, adherencePercent, !enough);
    }

    /** First two vs last two weeks with enough recorded nights; weeks with gaps in between are skipped. */
    private static BaselineVsNow baselineVsNow(List<WeekTotal> recordedWeeks, LocalDate lastNight) {
        if (recordedWeeks.size() < 4) {
            return null;
        }
        return new BaselineVsNow(period(recordedWeeks.subList(0, 2), lastNight),
                period(recordedWeeks.subList(recordedWeeks.size() - 2, recordedWeeks.size()), lastNight));
    }

    private static Period period(List<WeekTotal> twoWeeks, LocalDate lastNight) {
        int recorded = twoWeeks.stream().mapToInt(WeekTotal::recordedNights).sum();
        int cramps = twoWeeks.stream().mapToInt(WeekTotal::cramps).sum();
        double intensitySum = twoWeeks.stream().filter(w -> w.meanIntensity() != null)
                .mapToDouble(w -> w.meanIntensity() * w.cramps()).sum();
        LocalDate end = twoWeeks.getLast().weekStart().plusDays(6);
        return new Period(twoWeeks.getFirst().weekStart(), end.isAfter(lastNight) ? lastNight : end, recorded, cramps,
                recorded == 0 ? null : (double) cramps / recorded, cramps == 0 ? null : intensitySum / cramps);
    }

    /** Nights on the plan that had a bedtime stretch prescribed, split by whether it was all done. */
    private static StretchComparison stretching(List<NightStretch> bedtimeNights, List<NightTotal> diaryNights) {
        Map<LocalDate, Integer> recorded = diaryNights.stream()
                .collect(Collectors.toMap(NightTotal::night, NightTotal::cramps));
        int[] counts = new int[4];
        for (NightStretch night : bedtimeNights) {
            Integer cramps = recorded.get(night.night());
            if (night.prescribed() == 0 || cramps == null) {
                continue;
            }
            int group = night.allDone() ? 0 : 2;
            counts[group]++;
            counts[group + 1] += cramps;
        }
        return new StretchComparison(counts[0], counts[1], counts[2], counts[3]);
    }
}
