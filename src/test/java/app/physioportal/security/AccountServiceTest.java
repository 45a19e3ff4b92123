package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.InvalidInput;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService.NewAccount;
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
    PatientService patients;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SystemTasks systemTasks;

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
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_may_not_list_accounts_or_a_caseload() {
        assertThatThrownBy(() -> accounts.listAccounts()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> patients.myPatients()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_may_not_create_accounts() {
        assertThatThrownBy(() -> accounts.createStaff(
                new NewAccount("Eve", "eve@example.org", Role.ADMIN, "a-long-enough-password")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from account where email = 'eve@example.org'", Integer.class))
                .isZero();
        // Refused as a physio before the input is looked at: bad input tells a caller without the right nothing.
        assertThatThrownBy(() -> patients.createPatient(new NewAccount("", "not-an-email", Role.PATIENT, "short"),
                ids.idOf(Demo.PHYSIO1), null, null)).isInstanceOf(AccessDeniedException.class);
        // Inviting a patient of their own is a physio's (issue 24): bad input is refused for what it is.
        assertThatThrownBy(() -> patients.invite(new AccountService.AccountForm("", "x",
                Role.PATIENT, null, null))).isInstanceOf(jakarta.validation.ConstraintViolationException.class);
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
    void an_admin_creates_a_physio_and_a_patient_assigned_to_them_and_it_is_audited() {
        int before = ids.auditCount(Demo.ADMIN, "ACCOUNT_CREATED");

        long physio = accounts.createStaff(new NewAccount("New Physio", "new.physio." + System.nanoTime()
                + "@example.org", Role.PHYSIO, "a-long-enough-password"));
        String email = "new.patient." + System.nanoTime() + "@example.org";
        long id = patients.invite(new AccountService.AccountForm("New Patient", email.toUpperCase(),
                Role.PATIENT, physio, LocalDate.of(1960, 5, 1))).accountId();

        assertThat(ids.idOf(email)).as("stored in lower case").isEqualTo(id);
        assertThat(jdbc.queryForObject("select physio_id from patient where account_id = ?", Long.class, id))
                .isEqualTo(physio);
        assertThat(ids.auditCount(Demo.ADMIN, "ACCOUNT_CREATED")).isEqualTo(before + 2);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_new_staff_account_gets_a_one_time_password_that_must_be_changed() {
        var otp = accounts.createWithOneTimePassword(new AccountService.AccountForm("Olive Green",
                "olive." + System.nanoTime() + "@example.org", Role.PHYSIO, null, null));

        assertThat(otp.password()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(jdbc.queryForObject("select must_change_password from account where id = ?", Boolean.class,
                otp.accountId())).isTrue();
        String hash = jdbc.queryForObject("select password_hash from account where id = ?", String.class, otp.accountId());
        assertThat(encoder.matches(otp.password(), hash)).isTrue();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_cannot_disable_themself() {
        assertThatThrownBy(() -> accounts.setEnabled(ids.idOf(Demo.ADMIN), false))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_reset_password_replaces_the_old_one_and_is_audited() {
        String email = "reset." + System.nanoTime() + "@example.org";
        long id = accounts.createStaff(new NewAccount("Reset Me", email, Role.PHYSIO, "a-long-enough-password"));

        var otp = accounts.resetPassword(id);

        String hash = jdbc.queryForObject("select password_hash from account where id = ?", String.class, id);
        assertThat(encoder.matches("a-long-enough-password", hash)).isFalse();
        assertThat(encoder.matches(otp.password(), hash)).isTrue();
        assertThat(ids.auditCount(Demo.ADMIN, "PASSWORD_RESET")).isPositive();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_may_not_reset_passwords_or_reassign() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        assertThatThrownBy(() -> accounts.resetPassword(patient1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> patients.reassign(patient1, ids.idOf(Demo.PHYSIO1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.setEnabled(patient1, false)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void changing_your_own_password_needs_the_current_one_and_a_good_new_one() {
        String email = "changer." + System.nanoTime() + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createStaff(
                new NewAccount("Changer", email, Role.PHYSIO, "a-long-enough-password")));

        systemTasks.runAsAccount(email, () -> {
            assertThatThrownBy(() -> accounts.changeOwnPassword("wrong", "blue kettle morning walk"))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("current password");
            assertThatThrownBy(() -> accounts.changeOwnPassword("a-long-enough-password", "short"))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("12 characters");
            assertThatThrownBy(() -> accounts.changeOwnPassword("a-long-enough-password", "Password1234"))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("too common");
            assertThatThrownBy(() -> accounts.changeOwnPassword("a-long-enough-password", "stretch-and-rest-2026"))
                    .as("the demo password is on the list").isInstanceOf(InvalidInput.class);

            accounts.changeOwnPassword("a-long-enough-password", "blue kettle morning walk");
        });
        String hash = jdbc.queryForObject("select password_hash from account where email = ?", String.class, email);
        assertThat(encoder.matches("blue kettle morning walk", hash)).isTrue();
        assertThat(ids.auditCount(email, "PASSWORD_CHANGED")).isEqualTo(1);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_account_created_by_the_admin_meets_the_same_password_policy_and_nothing_is_saved_otherwise() {
        String email = "common.password." + System.nanoTime() + "@example.org";
        assertThatThrownBy(() -> accounts.createStaff(new NewAccount("Common Password", email, Role.PHYSIO,
                "qwertyuiop123"))).isInstanceOf(InvalidInput.class).hasMessageContaining("too common")
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("initialPassword");
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, email)).isZero();
    }
}
