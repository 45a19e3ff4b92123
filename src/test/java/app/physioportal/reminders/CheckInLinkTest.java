package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.diary.CrampDuration;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightStatus;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.reminders.CheckInLinks.Status;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The morning email's "No cramps" link, from the email to the diary: its whole life, and every way it is refused. */
@PortalTest
class CheckInLinkTest {

    private static final Pattern LINK = Pattern.compile("check-in\\?t=([A-Za-z0-9_-]{43})");
    private static final LocalDate NIGHT = LocalDate.of(2026, 12, 7);

    @Autowired
    ReminderJob job;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    CheckInLinks links;

    @Autowired
    DiaryService diary;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static ReminderSettings mornings() {
        return new ReminderSettings(LocalTime.of(22, 0), false, 30, true, LocalTime.of(7, 30), true, false, false, null);
    }

    /** A patient, and the token from the morning email about NIGHT. */
    private String morningEmailFor(FreshPatient patient) {
        fixture.at(LocalDateTime.of(2026, 12, 8, 7, 30));
        job.runDue();
        List<Map<String, Object>> sent = fixture.emails(patient.email());
        assertThat(sent).extracting(e -> e.get("kind")).containsExactly("MORNING");
        String text = (String) sent.getFirst().get("text_body");
        assertThat(sent.getFirst().get("subject")).isEqualTo("Any cramps last night?");
        assertThat(text).contains("Monday 7 December").contains("I had cramps: http://localhost:8080/diary/log");
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private NightStatus night(FreshPatient patient) {
        return fixture.as(patient.email(), () -> diary.listNights(patient.id(), NIGHT, NIGHT).getFirst().status());
    }

    private int audited(String action, long patientId) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and patient_id = ?",
                Integer.class, action, patientId);
    }

    @Test
    void one_press_records_the_night_cramp_free_once_and_the_link_then_refuses() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), mornings());
        String token = morningEmailFor(patient);
        // Only the hash is stored.
        assertThat(jdbc.queryForObject("select count(*) from check_in_link where token_hash = ?", Integer.class, token))
                .isZero();

        // Opening the page (a mail scanner following the link) records nothing.
        assertThat(links.preview(token).status()).isEqualTo(Status.READY);
        assertThat(links.preview(token).firstName()).isEqualTo("Ada");
        assertThat(night(patient)).isEqualTo(NightStatus.NOT_RECORDED);

        fixture.at(LocalDateTime.of(2026, 12, 8, 7, 41));
        assertThat(links.use(token).status()).isEqualTo(Status.RECORDED);
        assertThat(night(patient)).isEqualTo(NightStatus.CRAMP_FREE);
        assertThat(audited("CHECK_IN_LINK_USED", patient.id())).isEqualTo(1);
        assertThat(audited("NIGHT_CHECKED_IN", patient.id())).isEqualTo(1);

        assertThat(links.use(token).status()).isEqualTo(Status.USED);
        assertThat(audited("CHECK_IN_LINK_REFUSED", patient.id())).isEqualTo(1);
        assertThat(audited("NIGHT_CHECKED_IN", patient.id())).isEqualTo(1);
    }

    @Test
    void an_altered_or_made_up_link_matches_nothing_and_is_audited() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), mornings());
        String token = morningEmailFor(patient);
        char last = token.charAt(42);
        String altered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
        int refusedBefore = jdbc.queryForObject("select count(*) from audit_event where action = 'CHECK_IN_LINK_REFUSED'"
                + " and patient_id is null", Integer.class);
        for (String bad : List.of(altered, "", "x", token + "A", "../../etc/passwd")) {
            assertThat(links.preview(bad).status()).isEqualTo(Status.UNKNOWN);
            assertThat(links.use(bad).status()).isEqualTo(Status.UNKNOWN);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CHECK_IN_LINK_REFUSED'"
                + " and patient_id is null", Integer.class)).isEqualTo(refusedBefore + 5);
        assertThat(night(patient)).isEqualTo(NightStatus.NOT_RECORDED);
        // The real one still works.
        assertThat(links.use(token).status()).isEqualTo(Status.RECORDED);
    }

    @Test
    void after_noon_the_link_has_expired_and_records_nothing() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), mornings());
        String token = morningEmailFor(patient);
        fixture.at(LocalDateTime.of(2026, 12, 8, 11, 59));
        assertThat(links.preview(token).status()).isEqualTo(Status.READY);
        fixture.at(LocalDateTime.of(2026, 12, 8, 12, 0));
        assertThat(links.use(token).status()).isEqualTo(Status.EXPIRED);
        assertThat(night(patient)).isEqualTo(NightStatus.NOT_RECORDED);
        assertThat(audited("CHECK_IN_LINK_REFUSED", patient.id())).isEqualTo(1);
    }

    @Test
    void a_night_with_cramps_logged_is_not_made_cramp_free_and_the_link_stays_unused() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), mornings());
        String token = morningEmailFor(patient);
        fixture.as(patient.email(), () -> diary.logCramp(patient.id(), new CrampInput(
                LocalDateTime.of(2026, 12, 8, 3, 0).atZone(ReminderFixture.LONDON).toInstant(), 6,
                CrampDuration.UNDER_1_MIN, null, app.physioportal.diary.CrampLocation.CALF,
                app.physioportal.diary.Side.LEFT, true, null, null, null)));
        assertThat(links.use(token).status()).isEqualTo(Status.HAS_CRAMPS);
        assertThat(night(patient)).isEqualTo(NightStatus.RECORDED_WITH_CRAMPS);
        assertThat(jdbc.queryForObject("select count(*) from check_in_link where account_id = ? and used_at is null",
                Integer.class, patient.id())).isEqualTo(1);
    }

    @Test
    void no_morning_email_for_a_night_already_in_the_diary() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), mornings());
        fixture.at(LocalDateTime.of(2026, 12, 8, 7, 0));
        fixture.as(patient.email(), () -> diary.checkIn(patient.id(),
                new app.physioportal.diary.CheckInInput(NIGHT, true, null)));
        fixture.at(LocalDateTime.of(2026, 12, 8, 7, 30));
        job.runDue();
        assertThat(fixture.emails(patient.email())).isEmpty();
        assertThat(fixture.decisions(patient.id())).extracting(d -> d.get("outcome")).containsExactly("ALREADY_RECORDED");
    }
}
