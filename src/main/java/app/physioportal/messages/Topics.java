package app.physioportal.messages;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.diary.Nights;
import app.physioportal.diary.WeekSummary;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.PlanVersionView;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a message is about, checked against the patient's record when it is sent (a tampered link that names
 * another patient's appointment or a plan version that does not exist saves nothing) and described in words when
 * shown, read with the reader's own access.
 */
@Component
public class Topics {

    private final DiaryService diary;
    private final PlanService plans;
    private final BookingService booking;
    private final Clinic clinic;
    private final AuditService audit;

    Topics(DiaryService diary, PlanService plans, BookingService booking, Clinic clinic, AuditService audit) {
        this.diary = diary;
        this.plans = plans;
        this.booking = booking;
        this.clinic = clinic;
        this.audit = audit;
    }

    /** Refuses, with the words to show, a topic that is not in this patient's record. */
    void check(long patientId, About about) {
        LocalDate today = clinic.today();
        boolean fits = switch (about.kind()) {
            case NIGHT -> about.day() != null && !about.day().isAfter(today)
                    && about.day().isAfter(today.minusYears(3));
            case WEEK -> about.day() != null && Nights.weekStart(about.day()).equals(about.day())
                    && !about.day().isAfter(today) && about.day().isAfter(today.minusYears(3));
            case PLAN -> about.number() != null && planVersion(patientId, about.number()).isPresent();
            case APPOINTMENT -> about.number() != null && appointment(patientId, about.number()).isPresent();
        };
        if (!fits) {
            audit.record(AuditAction.ACCESS_DENIED, patientId, "message about " + about.token()
                    + ", not in this patient's record");
            throw new InvalidInput("about", "That " + noun(about) + " is not in this record. Start again from it, "
                    + "or send the message without it.");
        }
    }

    /** A short name for the chip above the compose box: "Night of Sat 28 Nov". */
    public String label(About about) {
        return switch (about.kind()) {
            case NIGHT -> "Night of " + clinic.weekday(about.day());
            case WEEK -> "Week of " + clinic.dayMonth(about.day());
            case PLAN -> "Plan version " + about.number();
            case APPOINTMENT -> "Appointment";
        };
    }

    /** What the topic shows inline, in words, e.g. "Night of Saturday 28 November: 2 cramps, worst 7/10, woke". */
    public String describe(long patientId, About about) {
        return switch (about.kind()) {
            case NIGHT -> night(patientId, about.day());
            case WEEK -> week(patientId, about.day());
            case PLAN -> planVersion(patientId, about.number())
                    .map(v -> "Plan version " + v.number() + ", from " + clinic.longDay(v.effectiveFrom()) + ": "
                            + v.reason())
                    .orElse("Plan version " + about.number());
            case APPOINTMENT -> appointment(patientId, about.number())
                    .map(a -> a.type().label() + " appointment, " + clinic.weekdayYearTime(a.start()) + " with "
                            + a.physioName() + " (" + a.status().label().toLowerCase(Locale.ROOT) + ")")
                    .orElse("An appointment");
        };
    }

    private String night(long patientId, LocalDate night) {
        String name = "Night of " + clinic.longDay(night);
        List<NightSummary> found = diary.listNights(patientId, night, night);
        if (found.isEmpty() || !found.getFirst().recorded()) {
            return name + ": not in the diary";
        }
        NightSummary summary = found.getFirst();
        if (summary.crampCount() == 0) {
            return name + ": no cramps";
        }
        int worst = summary.cramps().stream().mapToInt(c -> c.intensity()).max().orElse(0);
        return name + ": " + summary.crampCount() + (summary.crampCount() == 1 ? " cramp" : " cramps") + ", worst "
                + worst + "/10" + (summary.woken() ? ", woke from sleep" : "");
    }

    private String week(long patientId, LocalDate monday) {
        String name = "Week of " + clinic.longDay(monday);
        List<WeekSummary> weeks = diary.weeklyBreakdown(patientId, monday, monday.plusDays(6));
        if (weeks.isEmpty() || weeks.getFirst().recordedNights() == 0) {
            return name + ": no nights in the diary";
        }
        WeekSummary week = weeks.getFirst();
        Integer worst = week.worstIntensity();
        return name + ": " + week.cramps() + (week.cramps() == 1 ? " cramp" : " cramps") + " over "
                + week.recordedNights() + (week.recordedNights() == 1 ? " recorded night" : " recorded nights")
                + (worst == null || week.cramps() == 0 ? "" : ", worst " + worst + "/10");
    }

    private Optional<PlanVersionView> planVersion(long patientId, long number) {
        return plans.history(patientId).stream().filter(v -> v.number() == number).findFirst();
    }

    private Optional<AppointmentSummary> appointment(long patientId, long id) {
        return booking.appointments(patientId).stream().filter(a -> a.id() == id).findFirst();
    }

    private static String noun(About about) {
        return switch (about.kind()) {
            case NIGHT -> "night";
            case WEEK -> "week";
            case PLAN -> "plan version";
            case APPOINTMENT -> "appointment";
        };
    }
}
