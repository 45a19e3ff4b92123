package app.physioportal.progress;

import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.diary.Nights;
import app.physioportal.diary.Trigger;
import app.physioportal.diary.WeekSummary;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.AdherenceHistory;
import app.physioportal.plan.NightStretch;
import app.physioportal.plan.PlanVersionView;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The progress page's figures as {@code ProgressService} computed them before the database did the sums (issue 18):
 * every diary entry of the year read as a whole record and summed in Java. Kept as the reference the SQL version is
 * checked against ({@code ProgressEquivalenceTest}); the diary's {@code weeklyBreakdown} and {@code listNights} are
 * the same read of the same nights that its {@code history} call made.
 */
class ReferenceProgress {

    private static final int MIN_NIGHTS_PER_WEEK = ProgressService.MIN_NIGHTS_PER_WEEK;

    private record DiaryHistory(List<WeekSummary> weeks, List<NightSummary> nights) {
    }
    /** The diary accepts entries from the last 12 months; "all" looks that far back. */
    private static final int HISTORY_WEEKS = 54;

    private final DiaryService diary;
    private final PlanService plans;
    private final AdherenceService adherence;
    private final PatientAccess access;
    private final Nights nights;
    private final Clock clock;

    ReferenceProgress(DiaryService diary, PlanService plans, AdherenceService adherence, PatientAccess access, Nights nights, Clock clock) {
        this.diary = diary;
        this.plans = plans;
        this.adherence = adherence;
        this.access = access;
        this.nights = nights;
        this.clock = clock;
    }

    ProgressReport report(long patientId, ProgressRange range) {
        access.checkWithHelpers(patientId);
        LocalDate lastNight = nights.lastNight(clock);
        LocalDate currentWeek = Nights.weekStart(lastNight);
        LocalDate historyFrom = currentWeek.minusWeeks(HISTORY_WEEKS);
        // One read of the diary and one of the ticks serve every figure on the page.
        DiaryHistory diaryHistory = new DiaryHistory(diary.weeklyBreakdown(patientId, historyFrom, lastNight),
                diary.listNights(patientId, historyFrom, lastNight));
        List<WeekSummary> history = diaryHistory.weeks();
        List<PlanVersionView> versions = plans.history(patientId);

        LocalDate from = rangeStart(range, currentWeek, history, versions);
        LocalDate planStart = versions.stream().map(PlanVersionView::effectiveFrom).min(Comparator.naturalOrder())
                .filter(start -> !start.isAfter(lastNight)).orElse(null);
        // The stretching comparison covers the plan's nights within the diary's 12 months.
        LocalDate stretchFrom = planStart == null ? null : planStart.isBefore(historyFrom) ? historyFrom : planStart;
        AdherenceHistory ticks = adherence.adherenceHistory(patientId, from, stretchFrom, lastNight);
        List<WeekSummary> shown = history.stream().filter(w -> !w.weekStart().isBefore(from)).toList();
        Map<LocalDate, Integer> adherence = ticks.weeks().stream()
                .filter(w -> w.percent() != null)
                .collect(Collectors.toMap(WeekAdherence::weekStart, WeekAdherence::percent, (a, b) -> b));

        List<Week> weeks = shown.stream().map(w -> week(w, adherence.get(w.weekStart()))).toList();
        List<PlanMarker> markers = versions.stream()
                .filter(v -> !v.effectiveFrom().isBefore(from) && !v.effectiveFrom().isAfter(lastNight))
                .sorted(Comparator.comparing(PlanVersionView::effectiveFrom))
                .map(v -> new PlanMarker(v.number(), v.effectiveFrom(), Nights.weekStart(v.effectiveFrom())))
                .toList();
        Map<CrampLocation, Integer> locations = new EnumMap<>(CrampLocation.class);
        Map<Trigger, Integer> triggers = new EnumMap<>(Trigger.class);
        for (WeekSummary w : shown) {
            w.byLocation().forEach((k, v) -> locations.merge(k, v, Integer::sum));
            w.byTrigger().forEach((k, v) -> triggers.merge(k, v, Integer::sum));
        }
        List<WeekSummary> recordedWeeks = history.stream().filter(ReferenceProgress::sufficient).toList();
        return new ProgressReport(patientId, range, from, lastNight, weeks, markers, locations, triggers,
                baselineVsNow(recordedWeeks, lastNight), recordedWeeks.size(),
                stretching(ticks.bedtimeNights(), diaryHistory.nights()));
    }

    /**
     * The first week shown. A range never starts before the patient's own start (their first recorded night or
     * their plan's first version, whichever came first), so a new patient's chart is not mostly empty weeks from
     * before they began; and "All" is that start, so it never shows less than a shorter range.
     */
    private static LocalDate rangeStart(ProgressRange range, LocalDate currentWeek, List<WeekSummary> history,
            List<PlanVersionView> versions) {
        LocalDate patientStart = Stream.concat(
                        history.stream().filter(w -> w.recordedNights() > 0).map(WeekSummary::weekStart),
                        versions.stream().map(v -> Nights.weekStart(v.effectiveFrom())))
                .filter(week -> !week.isAfter(currentWeek))
                .min(Comparator.naturalOrder()).orElse(currentWeek);
        if (range == ProgressRange.ALL) {
            return patientStart;
        }
        LocalDate rangeFrom = currentWeek.minusWeeks(range.weeks() - 1L);
        return rangeFrom.isBefore(patientStart) ? patientStart : rangeFrom;
    }

    private static boolean sufficient(WeekSummary week) {
        return week.recordedNights() >= MIN_NIGHTS_PER_WEEK;
    }

    private static Week week(WeekSummary w, Integer adherencePercent) {
        boolean enough = sufficient(w);
        Double perNight = enough ? w.statistics().crampsPerRecordedNight() : null;
        return new Week(w.weekStart(), w.recordedNights(), w.cramps(), perNight, perNight == null ? null : perNight * 7,
                enough ? w.meanIntensity() : null, enough ? w.worstIntensity() : null, adherencePercent, !enough);
    }

    /** First two vs last two weeks with enough recorded nights; weeks with gaps in between are skipped. */
    private static BaselineVsNow baselineVsNow(List<WeekSummary> recordedWeeks, LocalDate lastNight) {
        if (recordedWeeks.size() < 4) {
            return null;
        }
        return new BaselineVsNow(period(recordedWeeks.subList(0, 2), lastNight),
                period(recordedWeeks.subList(recordedWeeks.size() - 2, recordedWeeks.size()), lastNight));
    }

    private static Period period(List<WeekSummary> twoWeeks, LocalDate lastNight) {
        int recorded = twoWeeks.stream().mapToInt(WeekSummary::recordedNights).sum();
        int cramps = twoWeeks.stream().mapToInt(WeekSummary::cramps).sum();
        double intensitySum = twoWeeks.stream().filter(w -> w.meanIntensity() != null)
                .mapToDouble(w -> w.meanIntensity() * w.cramps()).sum();
        LocalDate end = twoWeeks.getLast().weekStart().plusDays(6);
        return new Period(twoWeeks.getFirst().weekStart(), end.isAfter(lastNight) ? lastNight : end, recorded, cramps,
                recorded == 0 ? null : (double) cramps / recorded, cramps == 0 ? null : intensitySum / cramps);
    }

    /** Nights on the plan that had a bedtime stretch prescribed, split by whether it was all done. */
    private static StretchComparison stretching(List<NightStretch> bedtimeNights, List<NightSummary> diaryNights) {
        Map<LocalDate, NightSummary> recorded = diaryNights.stream().filter(NightSummary::recorded)
                .collect(Collectors.toMap(NightSummary::night, Function.identity()));
        int[] counts = new int[4];
        for (NightStretch night : bedtimeNights) {
            NightSummary diaryNight = recorded.get(night.night());
            if (night.prescribed() == 0 || diaryNight == null) {
                continue;
            }
            int group = night.allDone() ? 0 : 2;
            counts[group]++;
            counts[group + 1] += diaryNight.crampCount();
        }
        return new StretchComparison(counts[0], counts[1], counts[2], counts[3]);
    }
}
