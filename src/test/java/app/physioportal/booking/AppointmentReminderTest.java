package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.booking.BookingFixture.TestPatient;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.mail.Outboxes;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The email the day before an appointment: once, with the calendar file, and not for those who turned it off. */
@PortalTest
class AppointmentReminderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    AppointmentReminders reminders;

    @Autowired
    BookingService booking;

    @Autowired
    BookingFixture fixture;

    @Autowired
    ReminderSettingsService settings;

    @Autowired
    Outboxes outboxes;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    private List<Map<String, Object>> remindersTo(String email) {
        return jdbc.queryForList("select status from outbox_email where recipient = ? and kind = 'APPOINTMENT_REMINDER'",
                email);
    }

    private List<MimeMessage> received(String email) {
        return Outboxes.receivedBy(greenMail, email).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Reminder:");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void the_day_before_the_patient_gets_one_reminder_with_the_calendar_file() throws Exception {
        TestPatient patient = fixture.newPatient();
        Slot slot = fixture.openSlot(patient.id(), 4);
        AppointmentSummary booked = fixture.as(patient.email(),
                () -> booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, null));

        clock.pin(slot.start().minus(Duration.ofHours(24)).minusSeconds(1));
        reminders.runDue();
        assertThat(remindersTo(patient.email())).isEmpty();

        clock.pin(slot.start().minus(Duration.ofHours(24)));
        reminders.runDue();
        clock.advance(Duration.ofHours(1));
        reminders.runDue();
        assertThat(remindersTo(patient.email())).hasSize(1);
        outboxes.sendDue();
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage email = received(patient.email()).getFirst();
        String whole = GreenMailUtil.getWholeMessage(email);
        assertThat(whole).contains("A reminder of your appointment at the clinic with Booking Test Physio")
                .contains("UID:appointment-" + booked.id() + "@physio-portal").contains("text/html");
        assertThat(email.getHeader("List-Unsubscribe")[0]).contains("/unsubscribe/one-click?t=");
    }

    @Test
    void a_patient_who_turned_appointment_reminders_off_gets_none_and_a_cancelled_one_is_not_reminded() {
        TestPatient quiet = fixture.newPatient();
        fixture.as(quiet.email(), () -> {
            ReminderSettings d = ReminderSettings.DEFAULTS;
            settings.saveMine(new ReminderSettings(d.bedtime(), true, 30, true, d.morningTime(), false, true, false,
                    null));
            return null;
        });
        Slot slot = fixture.openSlot(quiet.id(), 4);
        fixture.as(quiet.email(), () -> booking.book(quiet.id(), slot.start(), AppointmentType.VIDEO, null));

        TestPatient cancelled = fixture.newPatient();
        Slot other = fixture.openSlot(cancelled.id(), 5);
        AppointmentSummary gone = fixture.as(cancelled.email(),
                () -> booking.book(cancelled.id(), other.start(), AppointmentType.VIDEO, null));
        fixture.as(cancelled.email(), () -> {
            booking.cancel(cancelled.id(), gone.id());
            return null;
        });

        clock.pin(slot.start().minus(Duration.ofHours(23)));
        reminders.runDue();
        clock.pin(other.start().minus(Duration.ofHours(23)));
        reminders.runDue();
        assertThat(remindersTo(quiet.email())).isEmpty();
        assertThat(remindersTo(cancelled.email())).isEmpty();
    }
}
