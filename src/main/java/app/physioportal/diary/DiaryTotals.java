package app.physioportal.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A stretch of diary in figures rather than entries, for charts over months: one short row per recorded night, and
 * the cramps counted by where they were and what the patient thought set them off.
 *
 * @param nights    the recorded nights, oldest first (nights without a record are absent)
 * @param locations cramps per location over the nights counted (see {@link DiaryService#totals})
 * @param triggers  cramps per suspected trigger over the same nights (a cramp with two triggers counts for each)
 */
public record DiaryTotals(List<NightTotal> nights, Map<CrampLocation, Integer> locations,
        Map<Trigger, Integer> triggers) {

    public DiaryTotals {
        nights = List.copyOf(nights);
        locations = Map.copyOf(locations);
        triggers = Map.copyOf(triggers);
    }

    /**
     * One recorded night: how many cramps (0 for a night checked in as cramp-free), their intensities summed (so
     * means over weeks are exact) and the worst, null without cramps.
     */
    public record NightTotal(LocalDate night, int cramps, int intensitySum, Integer worstIntensity) {
    }
}
