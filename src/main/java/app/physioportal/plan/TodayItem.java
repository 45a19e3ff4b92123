package app.physioportal.plan;

/** One item due on the patient's day: ticked or not, its effort, and how often this week. */
public record TodayItem(PlanItem item, boolean done, Integer effort, int doneThisWeek) {
}
