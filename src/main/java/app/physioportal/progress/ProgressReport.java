package app.physioportal.progress;

import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.Trigger;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the progress page shows for one patient and range. Rates are per recorded night: a night
 * without a record is unknown, never zero, and a week with fewer than {@link ProgressService#MIN_NIGHTS_PER_WEEK}
 * recorded nights is "insufficient data" rather than a low bar.
 *
 * @param weeks     one entry per Monday-start week of the range, oldest first
 * @param markers   plan versions that started inside the range
 * @param range     the range chosen on the progress page; null for a report over chosen dates
 * @param baseline  first two vs last two recorded weeks of the diary read (the whole diary, or the chosen dates),
 *                  or null while there are too few
 */
public record ProgressReport(long patientId, @Nullable ProgressRange range, LocalDate from, LocalDate to, List<Week> weeks,
        List<PlanMarker> markers, Map<CrampLocation, Integer> locations, Map<Trigger, Integer> triggers,
        BaselineVsNow baseline, int recordedWeeksSoFar, StretchComparison stretching) {

    public ProgressReport {
        weeks = List.copyOf(weeks);
        markers = List.copyOf(markers);
        locations = Map.copyOf(locations);
        triggers = Map.copyOf(triggers);
    }

    /** Nothing recorded in the range: the page shows a friendly empty state instead of empty charts. */
    public boolean empty() {
        return weeks.stream().allMatch(w -> w.recordedNights() == 0);
    }

    public int recordedNights() {
        return weeks.stream().mapToInt(Week::recordedNights).sum();
    }

    public int cramps() {
        return weeks.stream().mapToInt(Week::cramps).sum();
    }

    /**
     * One diary week.
     *
     * @param crampsPerNight   cramps per recorded night, null when the week has too few recorded nights
     * @param crampsPerWeek    the same normalised to seven nights, null likewise
     * @param adherencePercent share of the prescribed exercise done, null when nothing was prescribed
     */
    public record Week(LocalDate weekStart, int recordedNights, int cramps, Double crampsPerNight,
            Double crampsPerWeek, Double meanIntensity, Integer worstIntensity, Integer adherencePercent,
            boolean insufficientData) {
    }

    /** A plan version that took effect in the week starting {@code weekStart}. */
    public record PlanMarker(int versionNumber, LocalDate effectiveFrom, LocalDate weekStart) {
    }

    /** Two weeks of the diary summed up, with the number of recorded nights behind the figures. */
    public record Period(LocalDate from, LocalDate to, int recordedNights, int cramps, Double crampsPerNight,
            Double meanIntensity) {
    }

    public record BaselineVsNow(Period baseline, Period now) {

        public Double crampsPerNightChange() {
            return difference(baseline.crampsPerNight(), now.crampsPerNight());
        }

        public Double crampsPerNightChangePercent() {
            return percent(baseline.crampsPerNight(), now.crampsPerNight());
        }

        public Double meanIntensityChange() {
            return difference(baseline.meanIntensity(), now.meanIntensity());
        }

        public Double meanIntensityChangePercent() {
            return percent(baseline.meanIntensity(), now.meanIntensity());
        }

        private static Double difference(Double before, Double after) {
            return before == null || after == null ? null : after - before;
        }

        private static Double percent(Double before, Double after) {
            return before == null || after == null || before == 0 ? null : 100 * (after - before) / before;
        }
    }

    /**
     * Cramps per recorded night on nights with the bedtime stretch done vs nights on the plan without it.
     * The figures are shown only once both groups reach {@link ProgressService#MIN_NIGHTS_TO_COMPARE} nights.
     */
    public record StretchComparison(int stretchedNights, int stretchedCramps, int notStretchedNights,
            int notStretchedCramps) {

        public boolean ready() {
            return moreStretchedNightsNeeded() == 0 && moreNotStretchedNightsNeeded() == 0;
        }

        public int moreStretchedNightsNeeded() {
            return Math.max(0, ProgressService.MIN_NIGHTS_TO_COMPARE - stretchedNights);
        }

        public int moreNotStretchedNightsNeeded() {
            return Math.max(0, ProgressService.MIN_NIGHTS_TO_COMPARE - notStretchedNights);
        }

        public Double crampsPerStretchedNight() {
            return stretchedNights == 0 ? null : (double) stretchedCramps / stretchedNights;
        }

        public Double crampsPerNotStretchedNight() {
            return notStretchedNights == 0 ? null : (double) notStretchedCramps / notStretchedNights;
        }
    }
}
