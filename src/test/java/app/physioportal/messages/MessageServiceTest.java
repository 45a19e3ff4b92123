package app.physioportal.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.base.InvalidInput;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.mail.Outboxes;
import app.physioportal.messages.MessageService.MessageView;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.reminders.ReminderSettingsService;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * The conversation's rules on the real database: who may read and write, receipts and unread counts, the
 * five-minute withdrawal, flooding, what a message may point at, hourly emails, and how an open page on another
 * instance learns of a new message.
 */
@PortalTest
class MessageServiceTest {

    @Autowired
    MessageService messages;

    @Autowired
    MessageSignals signals;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    PlanService plans;

    @Autowired
    PatientService patients;

    @Autowired
    CaseloadService caseload;

    @Autowired
    ReminderSettingsService reminderSettings;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    Outboxes outboxes;

    FreshPatient patient;

    @BeforeEach
    void freshPatient() {
        clock.pin(Instant.now());
        patient = fixtures.newPatient();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void the_patient_writes_the_physio_reads_and_the_receipt_and_unread_counts_follow() {
        long id = fixtures.as(patient.email(), () -> messages.send(patient.id(), "The new hold makes my calf ache.",
                null));
        assertThat(fixtures.as(PlanFixtures.PHYSIO, () -> messages.unreadFromPatients(List.of(patient.id()))))
                .containsEntry(patient.id(), 1);
        assertThat(fixtures.as(PlanFixtures.PHYSIO, () -> messages.myUnread())).isGreaterThanOrEqualTo(1);
        assertThat(receiptOf(id)).isNull();

        clock.advance(Duration.ofMinutes(30));
        var seen = fixtures.as(PlanFixtures.PHYSIO, () -> messages.open(patient.id()));
        assertThat(seen.messages()).extracting(MessageView::body).containsExactly("The new hold makes my calf ache.");
        assertThat(seen.messages().getFirst().mine()).isFalse();
        assertThat(fixtures.as(PlanFixtures.PHYSIO, () -> messages.unreadFromPatients(List.of(patient.id()))))
                .doesNotContainKey(patient.id());
        assertThat(ids.auditCountForPatient(PlanFixtures.PHYSIO, "CONVERSATION_READ", patient.id())).isEqualTo(1);

        var mine = fixtures.as(patient.email(), () -> messages.open(patient.id())).messages().getFirst();
        assertThat(mine.mine()).isTrue();
        assertThat(mine.readAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        fixtures.as(PlanFixtures.PHYSIO, () -> messages.send(patient.id(), "Drop to 2 sets this week.", null));
        assertThat(fixtures.as(patient.email(), () -> messages.myUnread())).isEqualTo(1);
        fixtures.as(patient.email(), () -> messages.open(patient.id()));
        assertThat(fixtures.as(patient.email(), () -> messages.myUnread())).isZero();
        assertThat(ids.auditCountForPatient(patient.email(), "MESSAGE_SENT", patient.id())).isEqualTo(1);
        assertThat(ids.auditCountForPatient(PlanFixtures.PHYSIO, "MESSAGE_SENT", patient.id())).isEqualTo(1);
    }

    @Test
    void blank_over_long_and_flooding_messages_are_refused_with_words_to_show_and_nothing_saved() {
        fixtures.as(patient.email(), () -> {
            assertThatThrownBy(() -> messages.send(patient.id(), "   \n ", null)).isInstanceOf(InvalidInput.class)
                    .hasMessage("Write your message first.");
            assertThatThrownBy(() -> messages.send(patient.id(), "x".repeat(2001), null))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("under 2000 characters");
        });
        assertThat(countFor(patient.id())).isZero();

        String markup = "<b>bold</b><script>alert(1)</script> & \u0007bell";
        long id = fixtures.as(patient.email(), () -> messages.send(patient.id(), markup, null));
        assertThat(jdbc.queryForObject("select body from message where id = ?", String.class, id))
                .isEqualTo("<b>bold</b><script>alert(1)</script> & bell");
        assertThat(fixtures.as(patient.email(), () -> messages.send(patient.id(), "y".repeat(2000), null))).isPositive();

        for (int i = 3; i <= MessageService.FLOOD_LIMIT; i++) {
            int n = i;
            fixtures.as(patient.email(), () -> messages.send(patient.id(), "message " + n, null));
        }
        assertThat(countFor(patient.id())).isEqualTo(MessageService.FLOOD_LIMIT);
        assertThatThrownBy(() -> fixtures.as(patient.email(), () -> messages.send(patient.id(), "one more", null)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("please wait a few minutes");
        assertThat(countFor(patient.id())).isEqualTo(MessageService.FLOOD_LIMIT);
        assertThat(ids.auditCountForPatient(patient.email(), "MESSAGE_THROTTLED", patient.id())).isEqualTo(1);

        clock.advance(MessageService.FLOOD_WINDOW.plusSeconds(1));
        assertThat(fixtures.as(patient.email(), () -> messages.send(patient.id(), "later", null))).isPositive();
    }

    @Test
    void another_patient_another_physio_and_the_admin_are_refused_and_audited() {
        long theirs = fixtures.as(patient.email(), () -> messages.send(patient.id(), "Private question", null));
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", patient.id());

        fixtures.as(Demo.PATIENT1, () -> {
            assertThatThrownBy(() -> messages.open(patient.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.send(patient.id(), "pretending", null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.withdraw(patient.id(), theirs)).isInstanceOf(AccessDeniedException.class);
            // A message id of another conversation, sent through one's own: not found there, refused.
            assertThatThrownBy(() -> messages.withdraw(patient1, theirs)).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", patient.id())).isEqualTo(before + 3);

        fixtures.as(Demo.PHYSIO2, () -> {
            assertThatThrownBy(() -> messages.open(patient.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.send(patient.id(), "hello", null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.unreadFromPatients(List.of(patient.id())))
                    .isInstanceOf(AccessDeniedException.class);
        });
        fixtures.as(Demo.ADMIN, () -> {
            assertThatThrownBy(() -> messages.open(patient.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> messages.inbox()).isInstanceOf(AccessDeniedException.class);
        });
        assertThat(countFor(patient.id())).isEqualTo(1);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient.id())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void after_a_reassignment_the_new_physio_reads_the_history_and_the_old_one_nothing() {
        fixtures.as(patient.email(), () -> messages.send(patient.id(), "Before the move", null));
        fixtures.as(Demo.ADMIN, () -> patients.reassign(patient.id(), ids.idOf(Demo.PHYSIO2)));

        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO, () -> messages.open(patient.id())))
                .isInstanceOf(AccessDeniedException.class);
        var conversation = fixtures.as(Demo.PHYSIO2, () -> messages.open(patient.id()));
        assertThat(conversation.messages()).extracting(MessageView::body).containsExactly("Before the move");
        assertThat(conversation.physioName()).isEqualTo("Tom Becker");
    }

    @Test
    void a_sender_withdraws_within_five_minutes_and_the_message_shows_as_withdrawn_to_both() {
        long early = fixtures.as(patient.email(), () -> messages.send(patient.id(), "Wrong leg, sorry", null));
        clock.advance(Duration.ofMinutes(4).plusSeconds(50));
        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO, () -> messages.withdraw(patient.id(), early)))
                .as("only the sender").isInstanceOf(AccessDeniedException.class);
        fixtures.as(patient.email(), () -> messages.withdraw(patient.id(), early));
        assertThatThrownBy(() -> fixtures.as(patient.email(), () -> messages.withdraw(patient.id(), early)))
                .as("once").isInstanceOf(AccessDeniedException.class);

        long late = fixtures.as(patient.email(), () -> messages.send(patient.id(), "Left leg after all", null));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThatThrownBy(() -> fixtures.as(patient.email(), () -> messages.withdraw(patient.id(), late)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("within 5 minutes");

        var physioSees = fixtures.as(PlanFixtures.PHYSIO, () -> messages.open(patient.id())).messages();
        assertThat(physioSees.getFirst().withdrawn()).isTrue();
        assertThat(physioSees.getFirst().body()).isNull();
        assertThat(physioSees.get(1).body()).isEqualTo("Left leg after all");
        var patientSees = fixtures.as(patient.email(), () -> messages.open(patient.id())).messages();
        assertThat(patientSees.getFirst().withdrawn()).isTrue();
        assertThat(patientSees.get(1).withdrawableUntil()).as("past the window").isNull();
        // Withdrawn, not deleted: the text stays in the record, and the trail says who withdrew it.
        assertThat(jdbc.queryForObject("select body from message where id = ?", String.class, early))
                .isEqualTo("Wrong leg, sorry");
        assertThat(ids.auditCountForPatient(patient.email(), "MESSAGE_WITHDRAWN", patient.id())).isEqualTo(1);
        // The patient's download keeps their own withdrawn words.
        assertThat(fixtures.as(patient.email(), () -> messages.forExport(patient.id())).getFirst().body())
                .isEqualTo("Wrong leg, sorry");
    }

    @Test
    void a_message_points_at_the_patients_own_night_plan_version_or_appointment_and_nothing_else() {
        fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersion(patient.id(), null, plans.trialTemplate(),
                "Start of the programme"));
        LocalDate night = LocalDate.now(clock).minusDays(2);
        fixtures.as(patient.email(), () -> {
            messages.send(patient.id(), "About that night", About.night(night));
            messages.send(patient.id(), "About my plan", About.planVersion(1));
        });
        var about = fixtures.as(PlanFixtures.PHYSIO, () -> messages.open(patient.id())).messages().stream()
                .map(MessageView::about).toList();
        assertThat(about).containsExactly(About.night(night), About.planVersion(1));

        long otherAppointment = jdbc.queryForObject("select min(id) from appointment where patient_id = ?", Long.class,
                ids.idOf(Demo.PATIENT1));
        fixtures.as(patient.email(), () -> {
            assertThatThrownBy(() -> messages.send(patient.id(), "x", About.appointment(otherAppointment)))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("appointment is not in this record");
            assertThatThrownBy(() -> messages.send(patient.id(), "x", About.planVersion(7)))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> messages.send(patient.id(), "x", About.night(LocalDate.now(clock).plusDays(3))))
                    .isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> messages.send(patient.id(), "x", About.week(LocalDate.of(2026, 11, 25))))
                    .as("a week starts on a Monday").isInstanceOf(InvalidInput.class);
        });
        assertThat(countFor(patient.id())).isEqualTo(2);
        assertThat(About.parse("appointment:12")).contains(About.appointment(12));
        assertThat(About.parse("night:2026-13-01")).isEmpty();
        assertThat(About.parse("<script>")).isEmpty();
    }

    @Test
    void a_plan_change_made_from_a_message_links_back_to_it_only_within_the_same_conversation() {
        fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersion(patient.id(), null, plans.trialTemplate(),
                "Start of the programme"));
        long question = fixtures.as(patient.email(), () -> messages.send(patient.id(), "Too much?", null));
        FreshPatient other = fixtures.newPatient();
        long elsewhere = fixtures.as(other.email(), () -> messages.send(other.id(), "Mine", null));
        var changed = fixtures.as(PlanFixtures.PHYSIO, () -> plans.trialTemplate()).stream().limit(1).toList();

        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionAnswering(patient.id(), 1,
                changed, "Fewer exercises for now", elsewhere))).isInstanceOf(IllegalArgumentException.class);
        int number = fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionAnswering(patient.id(), 1, changed,
                "Fewer exercises for now", question));
        PlanVersionView version = fixtures.as(patient.email(), () -> plans.currentPlan(patient.id())).orElseThrow();
        assertThat(version.number()).isEqualTo(number);
        assertThat(version.answersMessageId()).isEqualTo(question);
    }

    @Test
    void the_recipient_gets_one_email_an_hour_without_the_message_and_none_when_switched_off() {
        outboxes.clear();
        fixtures.as(PlanFixtures.PHYSIO, () -> {
            messages.send(patient.id(), "Secret clinical words", null);
            messages.send(patient.id(), "And more", null);
        });
        List<Map<String, Object>> rows = outboxes.rowsTo(patient.email());
        assertThat(rows).hasSize(1);
        String body = jdbc.queryForObject("select text_body from outbox_email where id = ?", String.class,
                rows.getFirst().get("id"));
        assertThat(body).contains("Your physio has written to you").doesNotContain("Secret clinical words");
        assertThat(jdbc.queryForObject("select subject from outbox_email where id = ?", String.class,
                rows.getFirst().get("id"))).isEqualTo("You have a new message from your physio");

        clock.advance(Duration.ofMinutes(61));
        fixtures.as(PlanFixtures.PHYSIO, () -> messages.send(patient.id(), "An hour later", null));
        assertThat(outboxes.rowsTo(patient.email())).hasSize(2);

        clock.advance(Duration.ofMinutes(61));
        fixtures.as(patient.email(), () -> reminderSettings.saveMine(reminderSettings.mine().withMessageEmails(false)));
        fixtures.as(PlanFixtures.PHYSIO, () -> messages.send(patient.id(), "Switched off", null));
        assertThat(outboxes.rowsTo(patient.email())).hasSize(2);
    }

    @Test
    void an_open_page_learns_of_a_message_saved_by_another_instance_with_one_query_per_instance() {
        long before = signals.version(patient.id());
        // Another instance's write: straight into the database, nothing on this instance is told.
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into message (patient_id, sender_id, from_patient, sent_at, body, changed_at)"
                + " values (?, ?, true, ?, 'From instance A', ?)", patient.id(), patient.id(), now, now);
        assertThat(signals.version(patient.id())).isEqualTo(before);
        signals.lookNow();
        long afterInsert = signals.version(patient.id());
        assertThat(afterInsert).isGreaterThan(before);
        signals.lookNow();
        assertThat(signals.version(patient.id())).as("nothing new, no move").isEqualTo(afterInsert);

        // A read on another instance moves it too (the receipt shows without a reload).
        clock.advance(Duration.ofSeconds(3));
        jdbc.update("update message set read_at = ?, changed_at = ? where patient_id = ?",
                Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), patient.id());
        signals.lookNow();
        assertThat(signals.version(patient.id())).isGreaterThan(afterInsert);
    }

    @Test
    void the_caseload_flags_a_question_unanswered_for_longer_than_the_clinic_promises() {
        fixtures.as(patient.email(), () -> messages.send(patient.id(), "Is it normal to ache?", null));
        var row = fixtures.as(PlanFixtures.PHYSIO, () -> caseload.myCaseload()).stream()
                .filter(r -> r.patientId() == patient.id()).findFirst().orElseThrow();
        assertThat(row.unreadMessages()).isEqualTo(1);
        assertThat(row.answerOverdue()).isFalse();

        clock.advance(messages.answerWithin().plusMinutes(1));
        row = fixtures.as(PlanFixtures.PHYSIO, () -> caseload.myCaseload()).stream()
                .filter(r -> r.patientId() == patient.id()).findFirst().orElseThrow();
        assertThat(row.answerOverdue()).isTrue();

        fixtures.as(PlanFixtures.PHYSIO, () -> messages.send(patient.id(), "Yes, a mild ache is expected.", null));
        row = fixtures.as(PlanFixtures.PHYSIO, () -> caseload.myCaseload()).stream()
                .filter(r -> r.patientId() == patient.id()).findFirst().orElseThrow();
        assertThat(row.answerOverdue()).isFalse();
        assertThat(row.waitingSince()).isNull();
    }

    private Instant receiptOf(long messageId) {
        Timestamp read = jdbc.queryForObject("select read_at from message where id = ?", Timestamp.class, messageId);
        return read == null ? null : read.toInstant();
    }

    private int countFor(long patientId) {
        return jdbc.queryForObject("select count(*) from message where patient_id = ?", Integer.class, patientId);
    }
}
