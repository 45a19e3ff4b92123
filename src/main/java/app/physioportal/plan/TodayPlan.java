package app.physioportal.plan;

import java.time.LocalDate;
import java.util.List;

/** What is due on the patient's day, tonight's and the daytime items apart, and this week's adherence. */
public record TodayPlan(LocalDate day, int versionNumber, List<TodayItem> tonight, List<TodayItem> daytime,
        WeekAdherence thisWeek) {
}
