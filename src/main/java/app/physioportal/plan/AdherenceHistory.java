package app.physioportal.plan;

import java.util.List;

/** Weekly adherence from {@code weeksFrom} and bedtime-stretch nights from {@code nightsFrom}, to {@code to}. */
public record AdherenceHistory(List<WeekAdherence> weeks, List<NightStretch> bedtimeNights) {
}
