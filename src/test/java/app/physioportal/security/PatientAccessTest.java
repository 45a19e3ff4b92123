package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class PatientAccessTest {

    @Autowired
    PatientAccess access;

    @Autowired
    DemoIds ids;

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_may_access_their_own_records() {
        assertThat(access.check(ids.idOf(Demo.PATIENT1)).email()).isEqualTo(Demo.PATIENT1);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_is_refused_another_patients_records_and_the_refusal_is_audited() {
        long other = ids.idOf(Demo.PATIENT2);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", other);

        assertThatThrownBy(() -> access.check(other)).isInstanceOf(AccessDeniedException.class);

        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", other)).isEqualTo(before + 1);
    }

    @Autowired
    app.physioportal.notes.ClinicalNoteService notes;

    @Autowired
    app.physioportal.export.DataExportService exports;

    @Autowired
    app.physioportal.diary.DiaryService diary;

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_assigned_physio_acting_as_the_patient_is_refused_and_every_service_audits_it_alike() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO1, "ACCESS_DENIED", patient1);

        assertThatThrownBy(() -> access.checkAs(patient1, Role.PATIENT, "change their diary"))
                .isInstanceOf(AccessDeniedException.class).hasMessage("Only the patient may change their diary.");
        assertThatThrownBy(() -> exports.exportFor(patient1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> diary.checkIn(patient1,
                new app.physioportal.diary.CheckInInput(java.time.LocalDate.now().minusDays(400), true, null)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(ids.auditCountForPatient(Demo.PHYSIO1, "ACCESS_DENIED", patient1)).isEqualTo(before + 3);
        assertThat(access.checkAs(patient1, Role.PHYSIO, "write clinical notes").email()).isEqualTo(Demo.PHYSIO1);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_writing_a_clinical_note_about_themself_is_refused_and_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", patient1);

        assertThatThrownBy(() -> notes.addNote(patient1, new app.physioportal.notes.ClinicalNoteService.NewNote(
                "I feel fine", false, null))).isInstanceOf(AccessDeniedException.class)
                .hasMessage("Only the patient's physio may write clinical notes.");

        assertThat(ids.auditCountForPatient(Demo.PATIENT1, "ACCESS_DENIED", patient1)).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_assigned_physio_may_access_their_patient() {
        assertThat(access.mayAccess(ids.idOf(Demo.PATIENT1))).isTrue();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_is_refused_and_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1);

        assertThatThrownBy(() -> access.check(patient1)).isInstanceOf(AccessDeniedException.class);

        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1)).isEqualTo(before + 1);
        assertThat(access.mayAccess(ids.idOf(Demo.PATIENT5))).as("physio2's own patient").isTrue();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_sees_no_clinical_records_by_default() {
        assertThat(access.mayAccess(ids.idOf(Demo.PATIENT1))).isFalse();
    }

    @Test
    @WithAnonymousUser
    void nobody_signed_in_is_refused() {
        assertThat(access.mayAccess(ids.idOf(Demo.PATIENT1))).isFalse();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void an_id_that_is_no_patient_is_refused() {
        assertThat(access.mayAccess(ids.idOf(Demo.PHYSIO2))).isFalse();
        assertThat(access.mayAccess(987_654_321L)).isFalse();
    }
}
