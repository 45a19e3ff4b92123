package app.physioportal.demo;

import app.physioportal.patient.PatientService;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SecondFactorService;
import app.physioportal.security.Helpers;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo clinic of docs/PRODUCT.md section 5 into an empty database, for the embedded default
 * and for demonstrations. Later features add each patient's history here; the logins stay stable.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("app.demo-data")
class DemoDataSeeder implements ApplicationRunner {

    static final String PASSWORD = "stretch-and-rest-2026";
    /** The demo staff's authenticator key, published in the README: any authenticator app (or oathtool) makes codes. */
    static final String AUTHENTICATOR_KEY = "PHYSIOPORTALDEMOSTAFFSECRETCODES";
    /** Margaret Ellis's husband, who helps her on the portal ("view and record"). */
    static final String HELPER_EMAIL = "helper1@example.org";
    static final String HELPER_NAME = "Peter Ellis";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final AccountService accounts;
    private final PatientService patients;
    private final SystemTasks systemTasks;
    private final Clock clock;
    private final PlanDemoData plans;
    private final DiaryDemoData diary;
    private final BookingDemoData bookings;
    private final SecondFactorService secondFactors;
    private final ReminderSettingsService reminders;
    private final MessageDemoData messages;
    private final Helpers helpers;
    private final java.util.Map<Integer, Long> patientIds = new java.util.HashMap<>();

    DemoDataSeeder(AccountService accounts, PatientService patients, SystemTasks systemTasks, Clock clock, PlanDemoData plans,
            DiaryDemoData diary, BookingDemoData bookings, SecondFactorService secondFactors,
            ReminderSettingsService reminders, MessageDemoData messages, Helpers helpers) {
        this.helpers = helpers;
        this.reminders = reminders;
        this.messages = messages;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.patients = patients;
        this.systemTasks = systemTasks;
        this.clock = clock;
        this.plans = plans;
        this.diary = diary;
        this.bookings = bookings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        SystemTasks.seeding(() -> {
            systemTasks.runAs("demo-data", Role.ADMIN, this::seedAccounts);
            LocalDate today = LocalDate.now(clock);
            plans.seed(today);
            diary.seed(today);
            bookings.seed();
            messages.seed(today, patientId(1), patientId(3), patientId(6));
        });
        log.info("Seeded the demo clinic: sign in as admin@example.org, physio1@example.org or "
                + "patient1@example.org with the password {}; staff then give the code of an authenticator app "
                + "holding the key {} (README, Demo logins)", PASSWORD, AUTHENTICATOR_KEY);
    }

    private void seedAccounts() {
        LocalDate today = LocalDate.now(clock);
        long admin = accounts.createStaff(new NewAccount("Sam Okafor", "admin@example.org", Role.ADMIN, PASSWORD));
        long physio1 = accounts.createStaff(new NewAccount("Priya Shah", "physio1@example.org", Role.PHYSIO, PASSWORD));
        long physio2 = accounts.createStaff(new NewAccount("Tom Becker", "physio2@example.org", Role.PHYSIO, PASSWORD));
        for (long staff : new long[] {admin, physio1, physio2}) {
            secondFactors.enrolDemoKey(staff, AUTHENTICATOR_KEY);
        }
        for (DemoStories.Story story : DemoStories.STORIES) {
            long id = patients.createPatient(new NewAccount(story.name(), story.email(), Role.PATIENT, PASSWORD),
                    story.physio() == 1 ? physio1 : physio2,
                    LocalDate.of(story.birthYear(), 1 + story.number(), 10 + story.number()),
                    story.firstNight(today));
            patientIds.put(story.number(), id);
            if (story.medication() != null) {
                systemTasks.runAsAccount(story.physioEmail(), () -> patients.updateMedications(id, story.medication()));
            }
            systemTasks.runAsAccount(story.email(), () -> reminders.saveMine(reminderSettings(story.number(), today)));
        }
        // Margaret stretches with her husband's help; he logs a cramp for her now and then (DiaryDemoData).
        helpers.recordDemoHelper(patientId(1), HELPER_NAME, HELPER_EMAIL, PASSWORD, "husband", true,
                clock.instant().minus(java.time.Duration.ofDays(20)));
    }

    private long patientId(int story) {
        return patientIds.get(story);
    }

    /** Each demo patient has chosen something a little different, so the physio's line and the emails vary. */
    static ReminderSettings reminderSettings(int story, LocalDate today) {
        ReminderSettings d = ReminderSettings.DEFAULTS;
        return switch (story) {
            case 1 -> new ReminderSettings(LocalTime.of(22, 0), true, 30, true, LocalTime.of(7, 30), true, true, false,
                    null);
            case 2 -> new ReminderSettings(LocalTime.of(23, 30), true, 45, true, LocalTime.of(8, 0), true, true, false,
                    null);
            case 3 -> new ReminderSettings(LocalTime.of(21, 30), true, 15, false, d.morningTime(), true, true, false,
                    null);
            case 5 -> new ReminderSettings(d.bedtime(), true, 30, true, d.morningTime(), true, true, false,
                    today.plusDays(4));
            case 6 -> new ReminderSettings(LocalTime.of(22, 30), false, 30, false, d.morningTime(), true, false, false,
                    null);
            default -> new ReminderSettings(d.bedtime(), d.bedtimeReminder(), d.minutesBefore(), d.morningReminder(),
                    d.morningTime(), d.appointmentReminders(), d.nudges(), false, null);
        };
    }
}
