package app.physioportal.reminders;

import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.PlanItem;
import app.physioportal.plan.PlanService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Add tonight's stretches to my calendar": a nightly event at the patient's stretch time (bedtime less the reminder
 * minutes), with an alarm when it starts, naming the plan's bedtime stretches as they are today. The same UID each
 * time, so adding it again after changing bedtime updates the event instead of adding a second.
 */
@Service
public class StretchCalendarFile {

    private final CurrentUser currentUser;
    private final ReminderSettingsService settings;
    private final PlanService plans;
    private final Clinic clinic;
    private final Clock clock;
    private final PortalAddress portal;

    StretchCalendarFile(CurrentUser currentUser, ReminderSettingsService settings, PlanService plans, Clinic clinic,
            Clock clock, PortalAddress portal) {
        this.currentUser = currentUser;
        this.settings = settings;
        this.plans = plans;
        this.clinic = clinic;
        this.clock = clock;
        this.portal = portal;
    }

    @Transactional(readOnly = true)
    public String forMe() {
        PortalUser user = currentUser.require();
        if (user.role() != Role.PATIENT) {
            throw new AccessDeniedException("Only a patient has a stretching plan.");
        }
        ReminderSettings s = settings.mine();
        List<String> stretches = plans.currentPlan(user.id()).map(plan -> plan.items().stream()
                .filter(item -> item.dose().timing() == Timing.BEFORE_BED)
                .map(StretchCalendarFile::line).toList()).orElse(List.of());
        LocalDate tonight = clinic.today();
        LocalDateTime start = s.bedtimeOf(tonight).minusMinutes(s.bedtimeReminder() ? s.minutesBefore() : 0);
        if (start.isBefore(LocalDateTime.now(clock.withZone(clinic.zone())))) {
            start = start.plusDays(1);
        }
        String description = (stretches.isEmpty() ? "Your bedtime stretches."
                : "Before bed:\n" + String.join("\n", stretches.stream().map(line -> "- " + line).toList()))
                + "\n\nTick them in Physio Portal: " + portal.link("today");
        return StretchCalendar.nightly("bedtime-stretches-" + user.id() + "@physio-portal", clock.instant(),
                start.toLocalDate(), LocalTime.from(start), clinic.zone(), 0, "Bedtime stretches", description,
                portal.link("today"));
    }

    private static String line(PlanItem item) {
        return item.exercise().name() + ": " + item.amountInWords();
    }
}
