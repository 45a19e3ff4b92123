package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.security.AccountService.AssignedPatient;
import app.physioportal.security.AccountService.NewAccount;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void demo_clinic_has_every_documented_login_with_the_documented_password() {
        var rows = jdbc.queryForList("select email, role, password_hash from account");
        for (String email : new String[] {Demo.ADMIN, Demo.PHYSIO1, Demo.PHYSIO2, "patient1@example.org",
                "patient2@example.org", "patient3@example.org", "patient4@example.org", "patient5@example.org",
                "patient6@example.org"}) {
            var row = rows.stream().filter(r -> email.equals(r.get("email"))).findFirst().orElseThrow();
            assertThat(encoder.matches(Demo.PASSWORD, (String) row.get("password_hash"))).as(email).isTrue();
            assertThat((String) row.get("password_hash")).as("stored hashed with an id prefix").startsWith("{bcrypt}");
        }
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void physio1_has_patients_one_to_four() {
        assertThat(accounts.myPatients()).extracting(AssignedPatient::email).containsExactlyInAnyOrder(
                "patient1@example.org", "patient2@example.org", "patient3@example.org", "patient4@example.org");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void physio2_has_patients_five_and_six() {
        assertThat(accounts.myPatients()).extracting(AssignedPatient::email)
                .containsExactlyInAnyOrder("patient5@example.org", "patient6@example.org");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_may_not_list_accounts_or_a_caseload() {
        assertThatThrownBy(() -> accounts.listAccounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.myPatients()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_may_not_create_accounts() {
        assertThatThrownBy(() -> accounts.createStaff(
                new NewAccount("Eve", "eve@example.org", Role.ADMIN, "a-long-enough-password")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from account where email = 'eve@example.org'", Integer.class))
                .isZero();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_duplicate_email_is_refused_whatever_its_case() {
        assertThatThrownBy(() -> accounts.createStaff(
                new NewAccount("Another", "  PHYSIO1@Example.org ", Role.PHYSIO, "a-long-enough-password")))
                .isInstanceOf(AccountService.DuplicateEmailException.class);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void bad_input_is_refused_and_nothing_is_saved() {
        int before = jdbc.queryForObject("select count(*) from account", Integer.class);
        long physio = ids.idOf(Demo.PHYSIO1);

        assertThatThrownBy(() -> accounts.createPatient(
                new NewAccount("", "not-an-email", Role.PATIENT, "short"), physio, null, null))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("Enter a name")
                .hasMessageContaining("Enter a valid email address")
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.createPatient(
                new NewAccount("Pat", "pat@example.org", Role.PATIENT, "a-long-enough-password"),
                ids.idOf(Demo.PATIENT1), null, null))
                .as("a patient's physio must be a physio").isInstanceOf(IllegalArgumentException.class);

        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_creates_a_physio_and_a_patient_assigned_to_them_and_it_is_audited() {
        int before = ids.auditCount(Demo.ADMIN, "ACCOUNT_CREATED");

        long physio = accounts.createStaff(new NewAccount("New Physio", "new.physio@example.org", Role.PHYSIO,
                "a-long-enough-password"));
        long id = accounts.createPatient(new NewAccount("New Patient", "New.Patient@Example.org", Role.PATIENT,
                "a-long-enough-password"), physio, LocalDate.of(1960, 5, 1), null);

        assertThat(ids.idOf("new.patient@example.org")).isEqualTo(id);
        assertThat(jdbc.queryForObject("select physio_id from patient where account_id = ?", Long.class, id))
                .isEqualTo(physio);
        assertThat(ids.auditCount(Demo.ADMIN, "ACCOUNT_CREATED")).isEqualTo(before + 2);
    }
}
