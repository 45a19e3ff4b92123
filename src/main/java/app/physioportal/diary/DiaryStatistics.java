package app.physioportal.diary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.IntSummaryStatistics;
import java.util.Objects;

/**
 * The diary's outcome figures for a range of nights. Rates are per recorded night: a night with no
 * record is unknown, never a night with zero cramps. Figures are null when nothing is recorded.
 *
 * @param crampsPerWeek         cramps per recorded night times seven
 * @param shareOfNightsWoken    share of recorded nights with at least one cramp that woke the patient
 * @param meanSleepDisturbance  mean of the sleep disturbance given (0-10), over the nights it was given
 */
public record DiaryStatistics(LocalDate from, LocalDate to, int nightsInRange, int recordedNights,
        int crampFreeNights, int cramps, Double crampsPerRecordedNight, Double crampsPerWeek, Double meanIntensity,
        Integer worstIntensity, Double shareOfNightsWoken, Double meanSleepDisturbance) {

    static DiaryStatistics of(LocalDate from, LocalDate to, Collection<NightSummary> nights) {
        int nightsInRange = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int recorded = (int) nights.stream().filter(NightSummary::recorded).count();
        int crampFree = (int) nights.stream().filter(n -> n.status() == NightStatus.CRAMP_FREE).count();
        IntSummaryStatistics intensity = nights.stream().flatMap(n -> n.cramps().stream())
                .mapToInt(CrampRecord::intensity).summaryStatistics();
        int cramps = (int) intensity.getCount();
        int woken = (int) nights.stream().filter(NightSummary::woken).count();
        var disturbance = nights.stream().map(NightSummary::sleepDisturbance).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).summaryStatistics();
        Double perNight = recorded == 0 ? null : (double) cramps / recorded;
        return new DiaryStatistics(from, to, nightsInRange, recorded, crampFree, cramps, perNight,
                perNight == null ? null : perNight * 7,
                cramps == 0 ? null : intensity.getAverage(),
                cramps == 0 ? null : intensity.getMax(),
                recorded == 0 ? null : (double) woken / recorded,
                disturbance.getCount() == 0 ? null : disturbance.getAverage());
    }
}
