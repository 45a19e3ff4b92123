package app.physioportal.reminders;

/** The kinds of reminder email, each with its own switch and unsubscribe link. */
public enum ReminderKind {
    BEDTIME("bedtime reminders"),
    MORNING("morning check-in emails"),
    APPOINTMENT("appointment reminders"),
    NUDGE("diary reminders after quiet nights"),
    DIGEST("the weekly caseload digest"),
    MESSAGES("emails about new messages");

    private final String inWords;

    ReminderKind(String inWords) {
        this.inWords = inWords;
    }

    /** As in "Stop bedtime reminders". */
    public String inWords() {
        return inWords;
    }
}
