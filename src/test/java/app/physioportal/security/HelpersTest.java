package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingService;
import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.NightSummary;
import app.physioportal.diary.Nights;
import app.physioportal.diary.Side;
import app.physioportal.export.DataExportService;
import app.physioportal.mail.Outboxes;
import app.physioportal.messages.MessageService;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanService;
import app.physioportal.security.LinkFixtures.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * A patient's helper on the real database: invited by email (a new account) or added (an existing helper's), refused
 * for addresses that cannot be a helper's, reading what the patient allowed and writing only with "view and record",
 * entries that say who logged them, never notes, messages or the data download, and access that ends at once when
 * the patient or the admin removes it.
 */
@PortalTest
class HelpersTest {

    @Autowired
    Helpers helpers;

    @Autowired
    ActingFor actingFor;

    @Autowired
    Invitations invitations;

    @Autowired
    DiaryService diary;

    @Autowired
    AdherenceService adherence;

    @Autowired
    PlanService plans;

    @Autowired
    BookingService booking;

    @Autowired
    ClinicalNoteService notes;

    @Autowired
    MessageService messages;

    @Autowired
    DataExportService exports;

    @Autowired
    PatientService patients;

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    Outboxes outboxes;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Nights nights;

    @Autowired
    Clock clock;

    private <T> T as(String email, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        fixtures.as(email, () -> result.set(work.get()));
        return result.get();
    }

    private Helpers.Helper invite(Person patient, String name, String email, boolean mayRecord) {
        return as(patient.email(), () -> helpers.invite(patient.id(), name, email, "daughter", mayRecord));
    }

    private CrampInput lastNightCramp(int intensity) {
        // 22:30 on last night's evening: in the past at any hour the suite runs (at 00:30, last night's small hours
        // may still be to come).
        LocalDate night = nights.lastNight(clock);
        Instant at = night.atTime(22, 30).atZone(nights.zone()).toInstant();
        return new CrampInput(at, intensity, null, null, CrampLocation.CALF, Side.LEFT, true, Set.of(), Set.of(), null);
    }

    private int grantRows(long patientId) {
        return jdbc.queryForObject("select count(*) from helper_grant where patient_id = ?", Integer.class, patientId);
    }

    @Test
    void a_new_address_gets_a_helper_account_an_invitation_and_the_patients_view_of_it() {
        Person patient = fixtures.person();
        String email = LinkFixtures.newEmail("anna");

        Helpers.Helper helper = invite(patient, "Anna Daughter", email, true);

        assertThat(helper.invitationPending()).isTrue();
        assertThat(helper.mayRecord()).isTrue();
        assertThat(helper.label()).isEqualTo("Anna Daughter (daughter)");
        assertThat(jdbc.queryForObject("select role from account where email = ?", String.class, email))
                .isEqualTo("HELPER");
        assertThat(fixtures.emailsTo(email, "INVITATION")).isOne();
        assertThat(ids.auditCountForPatient(patient.email(), "HELPER_INVITED", patient.id())).isOne();

        String token = fixtures.token(email, "welcome");
        assertThat(invitations.preview(token).firstName()).isEqualTo("Anna");
        invitations.accept(token, "copper meadow lantern 42");
        List<Helpers.Helper> now = as(patient.email(), () -> helpers.helpersOf(patient.id()));
        assertThat(now).singleElement().satisfies(h -> assertThat(h.invitationPending()).isFalse());
        // The physio sees who helps; the admin too.
        assertThat(as(PlanFixtures.PHYSIO, () -> helpers.helpersOf(patient.id()))).hasSize(1);
    }

    @Test
    void addresses_that_cannot_be_a_helpers_are_refused_at_the_field_audited_and_nothing_is_saved_or_sent() {
        Person patient = fixtures.person();
        Person other = fixtures.person();
        int emailsBefore = jdbc.queryForObject("select count(*) from outbox_email", Integer.class);

        for (String taken : List.of(patient.email(), other.email(), PlanFixtures.PHYSIO)) {
            assertThatThrownBy(() -> invite(patient, "Someone", taken, true)).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("belongs to another Physio Portal account")
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
        }
        assertThatThrownBy(() -> invite(patient, "Someone", "not-an-address", true)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> invite(patient, "  ", LinkFixtures.newEmail("blank"), true))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("name");
        assertThatThrownBy(() -> as(patient.email(), () -> helpers.invite(patient.id(), "Someone",
                LinkFixtures.newEmail("long"), "x".repeat(41), true))).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("relationship");

        assertThat(grantRows(patient.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbox_email", Integer.class)).isEqualTo(emailsBefore);
        assertThat(ids.auditCountForPatient(patient.email(), "HELPER_INVITATION_REFUSED", patient.id())).isEqualTo(3);

        String email = LinkFixtures.newEmail("twice");
        invite(patient, "Twice Asked", email, false);
        assertThatThrownBy(() -> invite(patient, "Twice Asked", email, false)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("helps you already");
        assertThat(grantRows(patient.id())).isOne();
    }

    @Test
    void only_the_patient_invites_for_themself() {
        Person patient = fixtures.person();
        Person other = fixtures.person();
        assertThatThrownBy(() -> as(other.email(), () -> helpers.invite(patient.id(), "Sneaky", LinkFixtures
                .newEmail("sneaky"), null, true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(PlanFixtures.PHYSIO, () -> helpers.invite(patient.id(), "By Physio", LinkFixtures
                .newEmail("byphysio"), null, true))).isInstanceOf(AccessDeniedException.class);
        assertThat(grantRows(patient.id())).isZero();
    }

    @Test
    void a_view_only_helper_reads_the_diary_plan_and_appointments_but_writes_nothing() {
        Person patient = fixtures.person();
        String email = LinkFixtures.newEmail("viewer");
        invite(patient, "Vic Viewer", email, false);
        long cramp = as(patient.email(), () -> diary.logCramp(patient.id(), lastNightCramp(5)));

        LocalDate last = nights.lastNight(clock);
        List<NightSummary> seen = as(email, () -> diary.listNights(patient.id(), last, last));
        assertThat(seen.getFirst().cramps()).singleElement().satisfies(c -> assertThat(c.loggedBy()).isNull());
        assertThat(as(email, () -> plans.history(patient.id()))).isEmpty();
        assertThat(as(email, () -> booking.appointments(patient.id()))).isEmpty();

        assertThatThrownBy(() -> as(email, () -> diary.logCramp(patient.id(), lastNightCramp(3))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not record for them");
        assertThatThrownBy(() -> as(email, () -> {
            diary.deleteCramp(patient.id(), cramp);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(email, () -> {
            diary.checkIn(patient.id(), new CheckInInput(last, true, null));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(email, () -> {
            adherence.markDone(patient.id(), 1L, null);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(email, () -> booking.book(patient.id(), clock.instant().plus(Duration.ofDays(3)),
                AppointmentType.IN_CLINIC, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class,
                patient.id())).isOne();
        assertThat(ids.auditCountForPatient(email, "ACCESS_DENIED", patient.id())).isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_helper_never_sees_notes_messages_the_profile_or_the_data_download_nor_anyone_else() {
        Person patient = fixtures.person();
        Person stranger = fixtures.person();
        String email = LinkFixtures.newEmail("keen");
        invite(patient, "Kim Keen", email, true);

        List<Supplier<Object>> forbidden = List.of(
                () -> notes.notesFor(patient.id()),
                () -> messages.open(patient.id()),
                () -> messages.send(patient.id(), "Hello from the helper", null),
                () -> patients.patientProfile(patient.id()),
                () -> exports.exportFor(patient.id()),
                () -> as(email, () -> helpers.invite(patient.id(), "Another", LinkFixtures.newEmail("another"), null,
                        true)),
                () -> diary.listNights(stranger.id(), nights.lastNight(clock), nights.lastNight(clock)),
                () -> diary.logCramp(stranger.id(), lastNightCramp(4)));
        for (Supplier<Object> attempt : forbidden) {
            assertThatThrownBy(() -> as(email, attempt)).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from message where patient_id = ?", Integer.class,
                patient.id())).isZero();
    }

    @Test
    void what_a_recording_helper_logs_says_so_and_the_audit_names_the_helper_for_the_patient() {
        Person patient = fixtures.person();
        String email = LinkFixtures.newEmail("peter");
        invite(patient, "Pete Partner", email, true);
        LocalDate last = nights.lastNight(clock);

        long id = as(email, () -> diary.logCramp(patient.id(), lastNightCramp(6)));
        as(email, () -> {
            diary.checkIn(patient.id(), new CheckInInput(last, false, 4));
            return null;
        });

        NightSummary night = as(patient.email(), () -> diary.listNights(patient.id(), last, last)).getFirst();
        assertThat(night.cramps()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(id);
            assertThat(c.loggedBy()).isEqualTo("Pete Partner");
        });
        assertThat(night.checkedInBy()).isEqualTo("Pete Partner");
        assertThat(ids.auditCountForPatient(email, "CRAMP_LOGGED", patient.id())).isOne();
        assertThat(ids.auditCountForPatient(email, "NIGHT_CHECKED_IN", patient.id())).isOne();

        // The patient changes them to view only: the next write is refused.
        long grant = as(patient.email(), () -> helpers.helpersOf(patient.id())).getFirst().grantId();
        as(patient.email(), () -> {
            helpers.setMayRecord(patient.id(), grant, false);
            return null;
        });
        assertThatThrownBy(() -> as(email, () -> diary.logCramp(patient.id(), lastNightCramp(2))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(ids.auditCountForPatient(patient.email(), "HELPER_CHANGED", patient.id())).isOne();
    }

    @Test
    void removal_by_the_patient_or_the_admin_ends_access_at_the_next_request_and_tells_the_helper() {
        Person patient = fixtures.person();
        String email = LinkFixtures.newEmail("gone");
        Helpers.Helper helper = invite(patient, "Gail Gone", email, true);
        invitations.accept(fixtures.token(email, "welcome"), "copper meadow lantern 42");
        assertThat(as(email, () -> actingFor.subject()).map(ActingFor.Subject::patientId)).contains(patient.id());

        // Another patient cannot remove someone else's helper.
        Person other = fixtures.person();
        assertThatThrownBy(() -> as(other.email(), () -> {
            helpers.revoke(helper.grantId());
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        as(patient.email(), () -> {
            helpers.revoke(helper.grantId());
            return null;
        });
        assertThat(as(email, () -> actingFor.subject())).isEmpty();
        assertThatThrownBy(() -> as(email, () -> diary.listNights(patient.id(), nights.lastNight(clock),
                nights.lastNight(clock)))).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.emailsTo(email, "HELPER_NOTICE")).isOne();
        assertThat(ids.auditCountForPatient(patient.email(), "HELPER_REVOKED", patient.id())).isOne();

        // Invited again, then ended by the admin.
        invite(patient, "Gail Gone", email, true);
        assertThat(fixtures.emailsTo(email, "HELPER_NOTICE")).as("an existing helper is told, not invited").isEqualTo(2);
        long again = as(patient.email(), () -> helpers.helpersOf(patient.id())).getFirst().grantId();
        fixtures.as(app.physioportal.Demo.ADMIN, () -> helpers.revoke(again));
        assertThat(ids.auditCountForPatient(app.physioportal.Demo.ADMIN, "HELPER_REVOKED", patient.id())).isOne();
        assertThat(as(email, () -> actingFor.subject())).isEmpty();
        assertThat(as(patient.email(), () -> helpers.helpersOf(patient.id()))).isEmpty();
    }

    @Test
    void a_helper_of_two_people_switches_between_them_and_cannot_choose_a_third() {
        Person first = fixtures.person();
        Person second = fixtures.person();
        Person third = fixtures.person();
        String email = LinkFixtures.newEmail("both");
        invite(first, "Bo Both", email, true);
        invite(second, "Bo Both", email, false);

        List<ActingFor.Subject> choices = as(email, () -> actingFor.choices());
        assertThat(choices).extracting(ActingFor.Subject::patientId).containsExactly(first.id(), second.id());
        assertThat(choices).extracting(ActingFor.Subject::mayRecord).containsExactly(true, false);
        assertThat(as(email, () -> actingFor.subject()).orElseThrow().patientId()).isEqualTo(first.id());
        assertThatThrownBy(() -> as(email, () -> {
            actingFor.choose(third.id());
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        // Whom the pages show does not change what the services allow: each call names its patient and is checked.
        assertThat(as(email, () -> diary.listNights(second.id(), nights.lastNight(clock), nights.lastNight(clock))))
                .hasSize(1);
        assertThatThrownBy(() -> as(email, () -> diary.logCramp(second.id(), lastNightCramp(3))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_patient_has_at_most_five_helpers() {
        Person patient = fixtures.person();
        for (int i = 0; i < Helpers.MAX_ACTIVE; i++) {
            invite(patient, "Helper " + i, LinkFixtures.newEmail("many"), false);
        }
        assertThatThrownBy(() -> invite(patient, "One Too Many", LinkFixtures.newEmail("many"), false))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("Remove one first");
        assertThat(grantRows(patient.id())).isEqualTo(Helpers.MAX_ACTIVE);
    }
}
