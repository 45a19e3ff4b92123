package app.physioportal.reminders;

import app.physioportal.TestClock;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Patients with a plan and chosen reminders, and the clock set to London wall-clock times. */
@Component
public class ReminderFixture {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PlanFixtures plans;
    private final PlanService planService;
    private final ReminderSettingsService settings;
    private final TestClock clock;
    private final JdbcTemplate jdbc;

    ReminderFixture(PlanFixtures plans, PlanService planService, ReminderSettingsService settings, TestClock clock,
            JdbcTemplate jdbc) {
        this.plans = plans;
        this.planService = planService;
        this.settings = settings;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Pins the portal's clock to this London wall-clock time (the earlier one when it occurs twice). */
    public Instant at(LocalDateTime london) {
        Instant instant = london.atZone(LONDON).toInstant();
        clock.pin(instant);
        return instant;
    }

    /** A new patient on the trial's plan since {@code planFrom}, with these reminders (saved as the patient). */
    public FreshPatient patient(LocalDate planFrom, ReminderSettings chosen) {
        FreshPatient patient = plans.newPatient();
        plans.as(PlanFixtures.PHYSIO, () -> planService.createVersionEffectiveFrom(patient.id(), null,
                planService.trialTemplate(), "Start of the bedtime stretching programme", planFrom));
        plans.as(patient.email(), () -> settings.saveMine(chosen));
        return patient;
    }

    public <T> T as(String email, java.util.function.Supplier<T> work) {
        return plans.as(email, work);
    }

    public void as(String email, Runnable work) {
        plans.as(email, work);
    }

    /** The reminder log's rows for a person: kind, occasion, outcome, decided_at. */
    public List<Map<String, Object>> decisions(long accountId) {
        return jdbc.queryForList("select kind, occasion, outcome, decided_at from reminder_log where account_id = ?"
                + " order by decided_at", accountId);
    }

    public List<Map<String, Object>> emails(String recipient) {
        return jdbc.queryForList("select id, kind, subject, text_body, html_body, dedupe_key, unsubscribe_url, status"
                + " from outbox_email where recipient = ? order by id", recipient);
    }
}
