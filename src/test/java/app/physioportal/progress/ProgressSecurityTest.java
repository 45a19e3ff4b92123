package app.physioportal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Only the patient and their assigned physio read the progress report; refusals are audited. */
@PortalTest
class ProgressSecurityTest {

    @Autowired
    ProgressService progress;

    @Autowired
    DemoIds ids;

    private void assertRefusedAndAudited(String actor) {
        long patient1 = ids.idOf(Demo.PATIENT1);
        for (ProgressRange range : ProgressRange.values()) {
            int before = ids.auditCountForPatient(actor, "ACCESS_DENIED", patient1);
            assertThatThrownBy(() -> progress.report(patient1, range)).isInstanceOf(AccessDeniedException.class);
            assertThat(ids.auditCountForPatient(actor, "ACCESS_DENIED", patient1)).as(range + " audited")
                    .isEqualTo(before + 1);
        }
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void another_patient_is_refused_and_audited() {
        assertRefusedAndAudited(Demo.PATIENT2);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_is_refused_and_audited() {
        assertRefusedAndAudited(Demo.PHYSIO2);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_sees_no_clinical_progress() {
        assertRefusedAndAudited(Demo.ADMIN);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_assigned_physio_reads_the_report_and_the_reading_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO1, "RECORD_ACCESSED", patient1);
        assertThat(progress.report(patient1, ProgressRange.FOUR_WEEKS).weeks()).hasSize(4);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO1, "RECORD_ACCESSED", patient1)).isGreaterThan(before);
    }
}
