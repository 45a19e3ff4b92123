package app.physioportal.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.TodayItem;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The reminder job with the portal's clock pinned to chosen London times, against the real database: who gets what,
 * when, and never twice, including on the nights the clocks change and with two instances running at once.
 */
@PortalTest
class ReminderJobTest {

    @Autowired
    ReminderJob job;

    @Autowired
    ReminderFixture fixture;

    @Autowired
    AdherenceService adherence;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private static ReminderSettings bedtime(LocalTime bedtime, int minutesBefore) {
        return new ReminderSettings(bedtime, true, minutesBefore, false, LocalTime.of(8, 0), true, false, false, null);
    }

    private List<Map<String, Object>> bedtimeEmails(FreshPatient patient) {
        return fixture.emails(patient.email()).stream().filter(e -> "BEDTIME".equals(e.get("kind"))).toList();
    }

    @Test
    void the_bedtime_reminder_goes_once_at_the_chosen_time_naming_tonights_stretches_in_words() {
        fixture.at(LocalDateTime.of(2026, 12, 1, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 11, 20), bedtime(LocalTime.of(22, 0), 30));

        fixture.at(LocalDateTime.of(2026, 12, 1, 21, 29));
        job.runDue();
        assertThat(bedtimeEmails(patient)).isEmpty();

        fixture.at(LocalDateTime.of(2026, 12, 1, 21, 30));
        job.runDue();
        job.runDue();
        fixture.at(LocalDateTime.of(2026, 12, 1, 21, 45));
        job.runDue();
        List<Map<String, Object>> sent = bedtimeEmails(patient);
        assertThat(sent).hasSize(1);
        Map<String, Object> email = sent.getFirst();
        assertThat(email.get("subject")).isEqualTo("Tonight's stretches");
        List<String> tonight = fixture.as(patient.email(), () -> adherence.today(patient.id()).orElseThrow().tonight()
                .stream().map(i -> i.item().exercise().name() + ": " + i.item().amountInWords()).toList());
        assertThat(tonight).isNotEmpty();
        String text = (String) email.get("text_body");
        assertThat(text).startsWith("Hello Ada,").contains("Bedtime is at 22:00").contains("http://localhost:8080/today");
        tonight.forEach(line -> assertThat(text).contains("- " + line));
        assertThat((String) email.get("html_body")).contains("Open Today").contains("<li");
        assertThat((String) email.get("unsubscribe_url")).contains("/unsubscribe/one-click?t=");
        assertThat(email.get("dedupe_key")).isEqualTo("BEDTIME:" + patient.id() + ":2026-12-01");
        // Never a diagnosis, a note or a figure from the diary: first name and tonight's exercises only.
        assertThat(text).doesNotContainIgnoringCase("cramps per night").doesNotContainIgnoringCase("severity");
    }

    @Test
    void no_bedtime_reminder_when_tonights_stretches_are_ticked_or_the_patient_is_away() {
        fixture.at(LocalDateTime.of(2026, 12, 2, 12, 0));
        FreshPatient ticked = fixture.patient(LocalDate.of(2026, 11, 20), bedtime(LocalTime.of(22, 0), 30));
        FreshPatient away = fixture.patient(LocalDate.of(2026, 11, 20), new ReminderSettings(LocalTime.of(22, 0), true,
                30, true, LocalTime.of(8, 0), true, true, false, LocalDate.of(2026, 12, 3)));
        fixture.at(LocalDateTime.of(2026, 12, 2, 20, 0));
        fixture.as(ticked.email(), () -> {
            for (TodayItem item : adherence.today(ticked.id()).orElseThrow().tonight()) {
                adherence.markDone(ticked.id(), item.item().exercise().id(), null);
            }
        });
        fixture.at(LocalDateTime.of(2026, 12, 2, 21, 30));
        job.runDue();
        assertThat(bedtimeEmails(ticked)).isEmpty();
        assertThat(fixture.decisions(ticked.id())).extracting(d -> d.get("outcome")).containsExactly("ALREADY_DONE");
        assertThat(fixture.emails(away.email())).isEmpty();
        // Away up to and including the 3rd: the morning after the night of the 3rd is quiet too, then it resumes.
        fixture.at(LocalDateTime.of(2026, 12, 4, 8, 0));
        job.runDue();
        assertThat(fixture.emails(away.email())).isEmpty();
        fixture.at(LocalDateTime.of(2026, 12, 4, 21, 30));
        job.runDue();
        assertThat(fixture.emails(away.email())).extracting(e -> e.get("kind")).containsExactly("BEDTIME");
    }

    /** Steps the clock a minute at a time and runs the job each minute, as the schedule does. */
    private void everyMinute(Instant from, Instant to) {
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(1))) {
            clock.pin(t);
            job.runDue();
        }
    }

    @Test
    void on_the_night_the_clocks_go_back_a_reminder_in_the_repeated_hour_goes_once_at_its_first_occurrence() {
        // 25 Oct 2026: 02:00 BST becomes 01:00 GMT, so 01:00-02:00 happens twice. Bedtime 01:30, 30 minutes before.
        fixture.at(LocalDateTime.of(2026, 10, 24, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 10, 10), bedtime(LocalTime.of(1, 30), 30));
        everyMinute(Instant.parse("2026-10-24T23:30:00Z"), Instant.parse("2026-10-25T02:30:00Z"));
        assertThat(bedtimeEmails(patient)).hasSize(1);
        Map<String, Object> decision = fixture.decisions(patient.id()).getFirst();
        assertThat(decision.get("occasion")).isEqualTo("2026-10-24");
        // 01:00 BST, the first 01:00 of the night.
        assertThat(((Timestamp) decision.get("decided_at")).toInstant()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
    }

    @Test
    void on_the_night_the_clocks_go_forward_a_reminder_in_the_missing_hour_goes_once_just_after_the_gap() {
        // 28 Mar 2027: 01:00 GMT becomes 02:00 BST; 01:30 does not exist that night and is read as 02:30 BST.
        fixture.at(LocalDateTime.of(2027, 3, 27, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2027, 3, 10), bedtime(LocalTime.of(2, 0), 30));
        everyMinute(Instant.parse("2027-03-27T23:00:00Z"), Instant.parse("2027-03-28T03:00:00Z"));
        assertThat(bedtimeEmails(patient)).hasSize(1);
        Map<String, Object> decision = fixture.decisions(patient.id()).getFirst();
        assertThat(decision.get("occasion")).isEqualTo("2027-03-27");
        assertThat(((Timestamp) decision.get("decided_at")).toInstant()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
    }

    @Test
    void a_reminder_at_an_ordinary_time_on_a_clock_change_night_goes_at_that_local_time() {
        // 22:00 bedtime, 30 minutes before: 21:30 local on the Saturday (BST, 20:30Z) and the Sunday (GMT, 21:30Z).
        fixture.at(LocalDateTime.of(2026, 10, 24, 12, 0));
        FreshPatient patient = fixture.patient(LocalDate.of(2026, 10, 10), bedtime(LocalTime.of(22, 0), 30));
        everyMinute(Instant.parse("2026-10-24T20:00:00Z"), Instant.parse("2026-10-24T21:00:00Z"));
        everyMinute(Instant.parse("2026-10-25T21:00:00Z"), Instant.parse("2026-10-25T22:00:00Z"));
        assertThat(fixture.decisions(patient.id())).extracting(d -> ((Timestamp) d.get("decided_at")).toInstant())
                .containsExactly(Instant.parse("2026-10-24T20:30:00Z"), Instant.parse("2026-10-25T21:30:00Z"));
        assertThat(bedtimeEmails(patient)).hasSize(2);
    }

    @Test
    void two_instances_running_the_job_at_the_same_moment_send_each_reminder_once() throws Exception {
        fixture.at(LocalDateTime.of(2026, 12, 5, 12, 0));
        List<FreshPatient> patients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            patients.add(fixture.patient(LocalDate.of(2026, 11, 20), bedtime(LocalTime.of(22, 0), 30)));
        }
        // A second job, as another instance would run, over the same database, without the lock between them.
        ReminderJob other = context.getAutowireCapableBeanFactory().createBean(ReminderJob.class);
        fixture.at(LocalDateTime.of(2026, 12, 5, 21, 30));
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int minute = 0; minute < 3; minute++) {
                List<Callable<ReminderJob.Run>> both = List.of(job::runDue, other::runDue);
                for (Future<ReminderJob.Run> run : pool.invokeAll(both)) {
                    run.get();
                }
                clock.advance(Duration.ofMinutes(1));
            }
        } finally {
            context.getAutowireCapableBeanFactory().destroyBean(other);
        }
        for (FreshPatient patient : patients) {
            assertThat(bedtimeEmails(patient)).hasSize(1);
            assertThat(fixture.decisions(patient.id())).hasSize(1);
        }
    }
}
