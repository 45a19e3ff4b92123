package app.physioportal.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.notes.ClinicalNoteService.NewNote;
import app.physioportal.notes.ClinicalNoteService.NoteView;
import app.physioportal.security.SystemTasks;
import jakarta.validation.ConstraintViolationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@PortalTest
class ClinicalNoteServiceTest {

    @Autowired
    ClinicalNoteService notes;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_correction_is_a_new_note_and_the_original_stays_readable() {
        long patient4 = ids.idOf("patient4@example.org");
        AtomicLong original = new AtomicLong();
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> {
            original.set(notes.addNote(patient4, new NewNote("Calf tight on the left, 3/5.", false, null)));
            notes.addNote(patient4, new NewNote("Correction: right calf, not left.", false, original.get()));
        });

        systemTasks.runAsAccount(Demo.PHYSIO1, () -> {
            var all = notes.notesFor(patient4);
            NoteView first = all.stream().filter(n -> n.id() == original.get()).findFirst().orElseThrow();
            assertThat(first.body()).isEqualTo("Calf tight on the left, 3/5.");
            assertThat(first.corrected()).isTrue();
            assertThat(all.get(0).correctsNoteId()).isEqualTo(original.get());
            assertThat(all.get(0).authorName()).isEqualTo("Priya Shah");
        });
        assertThat(ids.auditCountForPatient(Demo.PHYSIO1, "NOTE_ADDED", patient4)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_patient_sees_only_notes_shared_with_them_and_cannot_write() {
        long patient2 = ids.idOf(Demo.PATIENT2);
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> {
            notes.addNote(patient2, new NewNote("Private: consider referral if no change in 4 weeks.", false, null));
            notes.addNote(patient2, new NewNote("Great progress. Add calf raises, 2 x 10.", true, null));
        });
        systemTasks.runAsAccount(Demo.PATIENT2, () -> {
            assertThat(notes.notesFor(patient2)).extracting(NoteView::body)
                    .contains("Great progress. Add calf raises, 2 x 10.")
                    .doesNotContain("Private: consider referral if no change in 4 weeks.");
            assertThatThrownBy(() -> notes.addNote(patient2, new NewNote("I am the physio now", true, null)))
                    .isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void another_patient_and_an_unassigned_physio_are_refused_and_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int deniedBefore = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1);
        systemTasks.runAsAccount(Demo.PHYSIO2, () -> {
            assertThatThrownBy(() -> notes.notesFor(patient1)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> notes.addNote(patient1, new NewNote("x", false, null)))
                    .isInstanceOf(AccessDeniedException.class);
        });
        systemTasks.runAsAccount(Demo.PATIENT2, () ->
                assertThatThrownBy(() -> notes.notesFor(patient1)).isInstanceOf(AccessDeniedException.class));
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1)).isEqualTo(deniedBefore + 2);
        assertThat(ids.auditCountForPatient(Demo.PATIENT2, "ACCESS_DENIED", patient1)).isPositive();
    }

    @Test
    void an_empty_note_or_a_correction_of_another_patients_note_is_refused_and_nothing_saved() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        long patient3 = ids.idOf("patient3@example.org");
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> {
            long other = notes.addNote(patient3, new NewNote("Patient 3 note", false, null));
            int before = jdbc.queryForObject("select count(*) from clinical_note", Integer.class);
            assertThatThrownBy(() -> notes.addNote(patient1, new NewNote("   ", false, null)))
                    .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Write the note first");
            assertThatThrownBy(() -> notes.addNote(patient1, new NewNote("x".repeat(4001), false, null)))
                    .isInstanceOf(ConstraintViolationException.class);
            assertThatThrownBy(() -> notes.addNote(patient1, new NewNote("Corrects someone else's", false, other)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(jdbc.queryForObject("select count(*) from clinical_note", Integer.class)).isEqualTo(before);
        });
    }
}
