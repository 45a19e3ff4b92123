package app.physioportal.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import app.physioportal.caseload.CaseloadService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A physio invites a new patient of their own from the caseload (issue 24): the patient is assigned to that physio
 * whatever the form says, gets the emailed invitation, and appears on the caseload at once. Bad input shows at its
 * field with nothing saved; a patient cannot invite anyone this way.
 */
@PortalTest
class PhysioInvitesPatientTest extends SpringBrowserlessTest {

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    PatientService patients;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    Outboxes outboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @BeforeEach
    void fixturePhysio() {
        fixtures.ensurePhysio();
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_physio_invites_a_patient_who_joins_their_caseload_and_bad_input_shows_at_its_field() {
        navigate(CaseloadView.class);
        test(find(Button.class).id("invite-patient-open")).click();
        test(find(TextField.class).id("invite-patient-name")).setValue("Ivo Invited");
        test(find(EmailField.class).id("invite-patient-email")).setValue(Demo.PATIENT2);
        test(find(Button.class).id("invite-patient-send")).click();
        EmailField email = find(EmailField.class).id("invite-patient-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("already exists");

        String address = "ivo." + System.nanoTime() + "@example.org";
        test(find(EmailField.class).id("invite-patient-email")).setValue(address);
        test(find(Button.class).id("invite-patient-send")).click();

        assertThat(find(Paragraph.class).id("invite-patient-sent").getText())
                .startsWith("Invitation sent to " + address + ". The link works until ");
        long id = ids.idOf(address);
        assertThat(jdbc.queryForObject("select physio_id from patient where account_id = ?", Long.class, id))
                .isEqualTo(ids.idOf(PlanFixtures.PHYSIO));
        assertThat(outboxes.rowsTo(address)).extracting(row -> row.get("kind")).containsExactly("INVITATION");
        @SuppressWarnings("unchecked")
        var list = test((com.vaadin.flow.component.virtuallist.VirtualList<CaseloadService.CaseloadRow>) find(
                com.vaadin.flow.component.virtuallist.VirtualList.class).id("caseload-list"));
        assertThat(java.util.stream.IntStream.range(0, list.size()).mapToObj(i -> list.getItem(i).name()))
                .contains("Ivo Invited");
    }

    @Test
    void a_physio_cannot_invite_for_another_physio_and_a_patient_cannot_invite_at_all() {
        String address = "other." + System.nanoTime() + "@example.org";
        long physio1 = ids.idOf(Demo.PHYSIO1);
        fixtures.as(PlanFixtures.PHYSIO, () -> patients.invite(new AccountForm("Olga Other", address, Role.PATIENT,
                physio1, null)));
        assertThat(jdbc.queryForObject("select physio_id from patient where account_id = ?", Long.class,
                ids.idOf(address))).as("the form's physio is ignored").isEqualTo(ids.idOf(PlanFixtures.PHYSIO));

        assertThatThrownBy(() -> fixtures.as(Demo.PATIENT2, () -> patients.invite(new AccountForm("Not Allowed",
                "notallowed." + System.nanoTime() + "@example.org", Role.PATIENT, null, null))))
                .isInstanceOf(AccessDeniedException.class);
    }
}
