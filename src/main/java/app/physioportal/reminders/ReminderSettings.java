package app.physioportal.reminders;

import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * One person's reminders. Times are the clinic's local time.
 *
 * @param bedtime       when the patient goes to bed; a time after midnight belongs to the evening before
 * @param minutesBefore how long before bedtime the stretch reminder comes
 * @param awayUntil     no bedtime, morning or quiet-night emails up to and including this day
 * @param messageEmails an email (without the message) when the physio or patient writes, at most one an hour
 */
public record ReminderSettings(LocalTime bedtime, boolean bedtimeReminder, int minutesBefore, boolean morningReminder,
        LocalTime morningTime, boolean appointmentReminders, boolean nudges, boolean weeklyDigest,
        @Nullable LocalDate awayUntil, boolean messageEmails) {

    /** Settings as they were before message emails had a switch: those are on. */
    public ReminderSettings(LocalTime bedtime, boolean bedtimeReminder, int minutesBefore, boolean morningReminder,
            LocalTime morningTime, boolean appointmentReminders, boolean nudges, boolean weeklyDigest,
            @Nullable LocalDate awayUntil) {
        this(bedtime, bedtimeReminder, minutesBefore, morningReminder, morningTime, appointmentReminders, nudges,
                weeklyDigest, awayUntil, true);
    }

    /** The same settings with the message emails switched on or off. */
    public ReminderSettings withMessageEmails(boolean on) {
        return new ReminderSettings(bedtime, bedtimeReminder, minutesBefore, morningReminder, morningTime,
                appointmentReminders, nudges, weeklyDigest, awayUntil, on);
    }

    /** What a new patient gets: the trial's evening stretch and morning diary, reminded by email. */
    public static final ReminderSettings DEFAULTS = new ReminderSettings(LocalTime.of(22, 0), true, 30, true,
            LocalTime.of(8, 0), true, true, true, null);

    public static final int MAX_MINUTES_BEFORE = 120;
    public static final LocalTime EARLIEST_BEDTIME = LocalTime.of(19, 0);
    public static final LocalTime LATEST_BEDTIME = LocalTime.of(2, 0);
    public static final LocalTime EARLIEST_MORNING = LocalTime.of(5, 0);
    public static final LocalTime LATEST_MORNING = LocalTime.of(11, 0);

    public boolean wants(ReminderKind kind) {
        return switch (kind) {
            case BEDTIME -> bedtimeReminder;
            case MORNING -> morningReminder;
            case APPOINTMENT -> appointmentReminders;
            case NUDGE -> nudges;
            case DIGEST -> weeklyDigest;
            case MESSAGES -> messageEmails;
        };
    }

    public ReminderSettings without(ReminderKind kind) {
        return new ReminderSettings(bedtime, bedtimeReminder && kind != ReminderKind.BEDTIME, minutesBefore,
                morningReminder && kind != ReminderKind.MORNING, morningTime,
                appointmentReminders && kind != ReminderKind.APPOINTMENT, nudges && kind != ReminderKind.NUDGE,
                weeklyDigest && kind != ReminderKind.DIGEST, awayUntil, messageEmails && kind != ReminderKind.MESSAGES);
    }

    /** Whether the patient asked for quiet on this day (the evening of a night, or a morning). */
    public boolean awayOn(LocalDate day) {
        return awayUntil != null && !day.isAfter(awayUntil);
    }

    /** Whether any reminder is on, for the physio's read-only line. */
    public boolean anyOn() {
        return bedtimeReminder || morningReminder || appointmentReminders || nudges;
    }

    /** The bedtime of a night (named by its evening), as a local date and time. */
    public java.time.LocalDateTime bedtimeOf(LocalDate night) {
        return (bedtime.isBefore(LocalTime.NOON) ? night.plusDays(1) : night).atTime(bedtime);
    }
}
