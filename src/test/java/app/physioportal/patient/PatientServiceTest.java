package app.physioportal.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The patient record: who treats whom, creating and assigning patients, and moving them to another physio. */
@PortalTest
class PatientServiceTest {

    @Autowired
    PatientService patients;

    @Autowired
    AccountService accounts;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    PatientAccess patientAccess;

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void physio1_has_patients_one_to_four() {
        assertThat(patients.myPatients()).extracting(AssignedPatient::email).contains(
                "patient1@example.org", "patient2@example.org", "patient3@example.org", "patient4@example.org")
                .doesNotContain("patient5@example.org", "patient6@example.org");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void physio2_has_patients_five_and_six() {
        assertThat(patients.myPatients()).extracting(AssignedPatient::email)
                .contains("patient5@example.org", "patient6@example.org")
                .doesNotContain("patient1@example.org", "patient2@example.org", "patient3@example.org",
                        "patient4@example.org");
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void bad_input_is_refused_and_nothing_is_saved() {
        int before = jdbc.queryForObject("select count(*) from account", Integer.class);
        long physio = ids.idOf(Demo.PHYSIO1);

        assertThatThrownBy(() -> patients.createPatient(
                new NewAccount("", "not-an-email", Role.PATIENT, "short"), physio, null, null))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("Enter a name")
                .hasMessageContaining("Enter a valid email address")
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> patients.createPatient(
                new NewAccount("Pat", "pat@example.org", Role.PATIENT, "a-long-enough-password"),
                ids.idOf(Demo.PATIENT1), null, null))
                .as("a patient's physio must be a physio").isInstanceOf(InvalidInput.class);

        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_patient_account_needs_a_physio_and_nothing_is_saved_without_one() {
        String email = "nophysio." + System.nanoTime() + "@example.org";
        assertThatThrownBy(() -> patients.invite(
                new AccountService.AccountForm("No Physio", email, Role.PATIENT, null, null)))
                .isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("physioId");
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email)).isZero();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void reassigning_a_patient_moves_access_to_the_new_physio_at_once() {
        long physioA = accounts.createStaff(new NewAccount("Physio A", "pa." + System.nanoTime() + "@example.org",
                Role.PHYSIO, "a-long-enough-password"));
        long physioB = accounts.createStaff(new NewAccount("Physio B", "pb." + System.nanoTime() + "@example.org",
                Role.PHYSIO, "a-long-enough-password"));
        String patientEmail = "moving." + System.nanoTime() + "@example.org";
        long patient = patients.invite(new AccountService.AccountForm("Moving Patient", patientEmail, Role.PATIENT,
                physioA, null)).accountId();

        patients.reassign(patient, physioB);

        assertThat(jdbc.queryForObject("select physio_id from patient where account_id = ?", Long.class, patient))
                .isEqualTo(physioB);
        assertThat(ids.auditCountForPatient(Demo.ADMIN, "PATIENT_ASSIGNED", patient)).isEqualTo(2);
        String physioAEmail = jdbc.queryForObject("select email from account where id = ?", String.class, physioA);
        String physioBEmail = jdbc.queryForObject("select email from account where id = ?", String.class, physioB);
        systemTasks.runAsAccount(physioAEmail, () -> assertThat(patientAccess.mayAccess(patient)).isFalse());
        systemTasks.runAsAccount(physioBEmail, () -> assertThat(patientAccess.mayAccess(patient)).isTrue());
    }
}
