package app.physioportal.diary;

import java.time.LocalDate;
import java.util.List;

/**
 * One night of the diary: its status, its cramps (earliest first) and the sleep disturbance if given, and the helper
 * who answered the morning check-in for the patient (null when the patient did, or nobody).
 */
public record NightSummary(LocalDate night, NightStatus status, List<CrampRecord> cramps, Integer sleepDisturbance,
        String checkedInBy) {

    public NightSummary {
        cramps = List.copyOf(cramps);
    }

    public int crampCount() {
        return cramps.size();
    }

    public boolean recorded() {
        return status.recorded();
    }

    public boolean woken() {
        return cramps.stream().anyMatch(CrampRecord::wokeFromSleep);
    }
}
