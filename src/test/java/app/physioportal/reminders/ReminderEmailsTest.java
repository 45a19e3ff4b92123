package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.caseload.WeeklyDigest;
import app.physioportal.mail.Outboxes;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each reminder as it arrives at an SMTP server (GreenMail): plain text and HTML, the clinic's name, a one-click
 * unsubscribe, first name only. The HTML of each is kept under target/emails to look at.
 */
@PortalTest
class ReminderEmailsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    ReminderJob job;

    @Autowired
    WeeklyDigest digest;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    Outboxes outboxes;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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

    private static List<MimeMessage> to(String email) {
        return Outboxes.receivedBy(greenMail, email);
    }

    private static String part(Part part, String type) throws Exception {
        if (part.getContentType().toLowerCase().startsWith(type)) {
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The one email to this person: checked for what every reminder carries, and its HTML kept to look at. */
    private MimeMessage arrived(String email, String name) throws Exception {
        outboxes.sendDue();
        org.awaitility.Awaitility.await().until(() -> to(email).size() == 1);
        MimeMessage message = to(email).getFirst();
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text).contains("Physio Portal clinic").contains("To stop ");
        assertThat(html).contains("Physio Portal clinic").contains(">Stop ");
        assertThat(message.getHeader("List-Unsubscribe")[0]).matches("<http://localhost:8080/unsubscribe/one-click\\?t=.+>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Path dir = Path.of("target", "emails");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".html"), html);
        return message;
    }

    @Test
    void the_bedtime_reminder_arrives_with_tonights_stretches() throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 9, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 25), new ReminderSettings(LocalTime.of(22, 30),
                true, 30, false, LocalTime.of(8, 0), true, false, false, null));
        fixture.at(LocalDateTime.of(2026, 12, 9, 22, 0));
        job.runDue();
        MimeMessage message = arrived(patient.email(), "bedtime");
        assertThat(message.getSubject()).isEqualTo("Tonight's stretches");
        assertThat(part(message, "text/plain")).startsWith("Hello Ada,").contains("Bedtime is at 22:30")
                .contains("calf stretch");
    }

    @Test
    void the_morning_email_arrives_with_its_two_buttons() throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 9, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 25), new ReminderSettings(LocalTime.of(22, 0),
                false, 30, true, LocalTime.of(7, 0), true, false, false, null));
        fixture.at(LocalDateTime.of(2026, 12, 10, 7, 0));
        job.runDue();
        MimeMessage message = arrived(patient.email(), "morning");
        assertThat(message.getSubject()).isEqualTo("Any cramps last night?");
        assertThat(part(message, "text/html")).contains(">No cramps</a>").contains(">I had cramps</a>")
                .contains("/check-in?t=");
    }

    @Test
    void a_quiet_diary_gets_one_gentle_email_and_not_another_within_a_week() throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 9, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 25), new ReminderSettings(LocalTime.of(22, 0),
                false, 30, false, LocalTime.of(7, 0), true, true, false, null));
        fixture.at(LocalDateTime.of(2026, 12, 9, 18, 0));
        job.runDue();
        MimeMessage message = arrived(patient.email(), "nudge");
        assertThat(message.getSubject()).isEqualTo("How have your nights been?");
        for (int day = 10; day <= 15; day++) {
            fixture.at(LocalDateTime.of(2026, 12, day, 18, 0));
            job.runDue();
        }
        assertThat(fixture.emails(patient.email())).hasSize(1);
        fixture.at(LocalDateTime.of(2026, 12, 16, 18, 0));
        job.runDue();
        assertThat(fixture.emails(patient.email())).hasSize(2);
    }

    @Test
    void a_new_patient_is_not_nudged_before_three_nights_on_the_plan() {
        fixture.at(LocalDateTime.of(2026, 12, 9, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 12, 8), ReminderSettings.DEFAULTS);
        fixture.at(LocalDateTime.of(2026, 12, 9, 18, 0));
        job.runDue();
        assertThat(fixture.emails(patient.email())).isEmpty();
        assertThat(fixture.decisions(patient.id())).extracting(d -> d.get("outcome")).contains("TOO_NEW");
    }

    @Test
    void on_monday_morning_each_physio_gets_one_digest_with_counts_and_no_names() throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 14, 12, 0));
        FreshPatient quiet = fixture.patient(LocalDate.of(2026, 11, 1), ReminderSettings.DEFAULTS);
        int openedBefore = jdbc.queryForObject("select count(*) from audit_event where patient_id = ?"
                + " and action = 'RECORD_ACCESSED'", Integer.class, quiet.id());
        fixture.at(LocalDateTime.of(2026, 12, 14, 7, 29));
        assertThat(digest.runDue()).isZero();
        fixture.at(LocalDateTime.of(2026, 12, 14, 7, 30));
        assertThat(digest.runDue()).isPositive();
        assertThat(digest.runDue()).isZero();
        MimeMessage message = arrived(PlanFixtures.PHYSIO, "digest");
        assertThat(message.getSubject()).isEqualTo("Your caseload this week");
        String text = part(message, "text/plain");
        assertThat(text).contains("need attention this week").contains("http://localhost:8080/caseload")
                .doesNotContain("Ada Test").doesNotContain(quiet.email());
        // Nobody opened the patient's record: the digest counted it, and says so once in the audit trail.
        assertThat(jdbc.queryForObject("select count(*) from audit_event where patient_id = ? and action = 'RECORD_ACCESSED'",
                Integer.class, quiet.id())).isEqualTo(openedBefore);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CASELOAD_COUNTED' and actor ="
                + " 'system:weekly-digest' and detail like ?", Integer.class, "caseload of " + PlanFixtures.PHYSIO + ":%"))
                .isEqualTo(1);
    }
}
