package app.physioportal.diary;

import java.time.LocalDate;
import java.util.Map;

/**
 * One diary week (Monday to Sunday nights) for the progress charts: its statistics over the nights of
 * the week inside the asked range, and where the cramps were and what the patient thought set them off.
 */
public record WeekSummary(LocalDate weekStart, DiaryStatistics statistics, Map<CrampLocation, Integer> byLocation,
        Map<Trigger, Integer> byTrigger) {

    public WeekSummary {
        byLocation = Map.copyOf(byLocation);
        byTrigger = Map.copyOf(byTrigger);
    }

    public int recordedNights() {
        return statistics.recordedNights();
    }

    public int cramps() {
        return statistics.cramps();
    }

    public Double meanIntensity() {
        return statistics.meanIntensity();
    }

    public Integer worstIntensity() {
        return statistics.worstIntensity();
    }
}
