package app.physioportal.reminders.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.caseload.ui.PatientView;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightStatus;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.reminders.CheckInLinks;
import app.physioportal.reminders.ReminderKind;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.reminders.Unsubscribe;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/** The reminder settings page for a patient and a physio, the physio's read-only line, and the two pages reached
 * from an email without signing in. */
@PortalTest
class ReminderViewsTest extends SpringBrowserlessTest {

    static final String PATIENT = "reminder.view.patient@example.org";
    static final AtomicLong PATIENT_ID = new AtomicLong();

    @Autowired
    ReminderSettingsService settings;

    @Autowired
    SystemTasks system;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void patient(@Autowired PatientService patients, @Autowired SystemTasks system, @Autowired JdbcTemplate jdbc,
            @Autowired PlanFixtures plans) {
        Integer exists = jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, PATIENT);
        if (exists == 0) {
            long physio = plans.ensurePhysio();
            system.runAs("test", Role.ADMIN, () -> PATIENT_ID.set(patients.createPatient(new NewAccount("Rita Reminder",
                    PATIENT, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio, null, null)));
        } else {
            PATIENT_ID.set(jdbc.queryForObject("select id from account where email = ?", Long.class, PATIENT));
        }
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    /** Opens a page the way an email link does: its address with ?t=... */
    private static void open(String route, String token) {
        com.vaadin.flow.component.UI.getCurrent().navigate(route,
                com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("t", token)));
    }

    private ReminderSettings stored() {
        ReminderSettings[] found = new ReminderSettings[1];
        system.runAsAccount(PATIENT, () -> found[0] = settings.mine());
        return found[0];
    }

    @Test
    @WithUserDetails(PATIENT)
    void a_patient_sets_bedtime_and_reminders_and_bad_values_save_nothing() {
        navigate(ReminderSettingsView.class);
        assertThat(find(TimePicker.class).id("reminders-bedtime").getValue()).isEqualTo(LocalTime.of(22, 0));

        ReminderSettings before = stored();
        test(find(TimePicker.class).id("reminders-bedtime")).setValue(LocalTime.of(15, 0));
        test(find(Button.class).id("reminders-save")).click();
        assertThat(find(TimePicker.class).id("reminders-bedtime").getErrorMessage()).contains("between 19:00 and 02:00");
        assertThat(stored()).isEqualTo(before);

        test(find(TimePicker.class).id("reminders-bedtime")).setValue(LocalTime.of(22, 30));
        find(IntegerField.class).id("reminders-minutes-before").setValue(500);
        test(find(Button.class).id("reminders-save")).click();
        assertThat(find(IntegerField.class).id("reminders-minutes-before").getErrorMessage()).contains("0 to 120");
        assertThat(stored()).isEqualTo(before);

        test(find(IntegerField.class).id("reminders-minutes-before")).setValue(45);
        test(find(TimePicker.class).id("reminders-morning-time")).setValue(LocalTime.of(13, 0));
        test(find(Button.class).id("reminders-save")).click();
        assertThat(find(TimePicker.class).id("reminders-morning-time").getErrorMessage()).contains("05:00 and 11:00");

        test(find(TimePicker.class).id("reminders-morning-time")).setValue(LocalTime.of(7, 15));
        DatePicker away = find(DatePicker.class).id("reminders-away-until");
        away.setMin(null);
        away.setValue(LocalDate.now().minusDays(2));
        test(find(Button.class).id("reminders-save")).click();
        assertThat(away.getErrorMessage()).contains("That day has passed");
        assertThat(stored()).isEqualTo(before);

        away.setValue(LocalDate.now().plusDays(3));
        find(Checkbox.class).id("reminders-nudges-on").setValue(false);
        test(find(Button.class).id("reminders-save")).click();
        ReminderSettings saved = stored();
        assertThat(saved.bedtime()).isEqualTo(LocalTime.of(22, 30));
        assertThat(saved.minutesBefore()).isEqualTo(45);
        assertThat(saved.morningTime()).isEqualTo(LocalTime.of(7, 15));
        assertThat(saved.awayUntil()).isEqualTo(LocalDate.now().plusDays(3));
        assertThat(saved.nudges()).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'REMINDERS_CHANGED'"
                + " and patient_id = ?", Integer.class, PATIENT_ID.get())).isPositive();
        // The calendar file is offered; its content is StretchCalendarTest's.
        assertThat(find(Anchor.class).id("reminders-calendar").getText()).contains("Add tonight's stretches");
        // A physio has no such fields.
        assertThat(find(Checkbox.class).all().stream().map(c -> c.getId().orElse(""))).doesNotContain("reminders-digest-on");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_turns_the_monday_digest_off_and_sees_a_patients_reminders_read_only() {
        navigate(ReminderSettingsView.class);
        assertThat(find(TimePicker.class).all()).isEmpty();
        find(Checkbox.class).id("reminders-digest-on").setValue(false);
        test(find(Button.class).id("reminders-save")).click();
        ReminderSettings[] mine = new ReminderSettings[1];
        system.runAsAccount(Demo.PHYSIO1, () -> mine[0] = settings.mine());
        assertThat(mine[0].weeklyDigest()).isFalse();
        find(Checkbox.class).id("reminders-digest-on").setValue(true);
        test(find(Button.class).id("reminders-save")).click();

        long margaret = jdbc.queryForObject("select id from account where email = ?", Long.class, Demo.PATIENT1);
        navigate("patients/" + margaret, PatientView.class);
        assertThat(find(Paragraph.class).id("patient-reminders").getText()).startsWith("Reminders on: bedtime 21:30");
    }

    @Test
    void the_morning_link_asks_once_then_records_the_night_without_signing_in(@Autowired CheckInLinks links,
            @Autowired TransactionTemplate transaction, @Autowired DiaryService diary) {
        LocalDate night = LocalDate.now().minusDays(1);
        String token = transaction.execute(s -> links.create(PATIENT_ID.get(), night,
                java.time.Instant.now().plusSeconds(3600)));
        open("check-in", token);
        assertThat(find(Paragraph.class).id("check-in-question").getText()).contains("Good morning Rita")
                .contains("No cramps on the night of");
        test(find(Button.class).id("check-in-confirm")).click();
        assertThat(find(Paragraph.class).id("check-in-done").getText()).contains("is in your diary as cramp-free");
        NightStatus[] status = new NightStatus[1];
        system.runAsAccount(PATIENT, () -> status[0] = diary.listNights(PATIENT_ID.get(), night, night).getFirst()
                .status());
        assertThat(status[0]).isEqualTo(NightStatus.CRAMP_FREE);

        open("check-in", token);
        assertThat(find(Paragraph.class).id("check-in-used").getText()).contains("used already");
        open("check-in", "not-a-real-link");
        assertThat(find(Paragraph.class).id("check-in-unknown").getText()).contains("not valid");
    }

    @Test
    void the_unsubscribe_page_asks_then_stops_one_kind_and_refuses_an_edited_link(@Autowired Unsubscribe unsubscribe) {
        String token = unsubscribe.token(PATIENT_ID.get(), ReminderKind.MORNING);
        open("unsubscribe", token);
        assertThat(find(Paragraph.class).id("unsubscribe-question").getText()).isEqualTo("Stop morning check-in emails?");
        assertThat(stored().morningReminder()).isTrue();
        test(find(Button.class).id("unsubscribe-confirm")).click();
        assertThat(find(Paragraph.class).id("unsubscribe-done").getText()).contains("no more morning check-in emails");
        assertThat(stored().morningReminder()).isFalse();
        assertThat(stored().bedtimeReminder()).isTrue();

        open("unsubscribe", token.substring(1));
        assertThat(find(Paragraph.class).id("unsubscribe-invalid").getText()).contains("nothing was changed");
    }
}
