package app.physioportal.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import app.physioportal.security.SystemTasks;
import app.physioportal.security.AccountService;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.AccountService.PhysioOption;
import app.physioportal.mail.Outboxes;
import app.physioportal.security.Invitations;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.LinkFixtures.Invited;
import app.physioportal.security.LinkFixtures.Person;
import app.physioportal.security.LinkState;
import app.physioportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class AccountsViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    LinkFixtures links;

    @Autowired
    Invitations invitations;

    @Autowired
    Outboxes outboxes;

    @SuppressWarnings("unchecked")
    private Grid<AccountSummary> grid() {
        return find(Grid.class).id("accounts-grid");
    }

    @SuppressWarnings("unchecked")
    private void fillNewPatient(String name, String email) {
        test(find(Button.class).id("new-account")).click();
        test(find(TextField.class).id("new-name")).setValue(name);
        test(find(EmailField.class).id("new-email")).setValue(email);
        RadioButtonGroup<Role> role = find(RadioButtonGroup.class).id("new-role");
        role.setValue(Role.PATIENT);
        ComboBox<PhysioOption> physio = find(ComboBox.class).id("new-physio");
        physio.setValue(physio.getListDataView().getItems()
                .filter(p -> p.displayName().equals("Tom Becker")).findFirst().orElseThrow());
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void lists_every_demo_account_with_each_patients_physio() {
        navigate(AccountsView.class);
        var rows = grid().getGenericDataView().getItems().toList();

        assertThat(rows).extracting(AccountSummary::email)
                .contains(Demo.ADMIN, Demo.PHYSIO1, Demo.PHYSIO2, "patient1@example.org", "patient6@example.org");
        AccountSummary patient1 = rows.stream().filter(r -> r.email().equals("patient1@example.org")).findFirst()
                .orElseThrow();
        assertThat(patient1.role()).isEqualTo(Role.PATIENT);
        assertThat(patient1.physioName()).isEqualTo("Priya Shah");
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void filtering_by_name_narrows_the_list() {
        navigate(AccountsView.class);
        test(find(TextField.class).id("account-filter")).setValue("margaret");
        assertThat(grid().getGenericDataView().getItems().map(AccountSummary::email).toList())
                .containsExactly("patient1@example.org");
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void creating_a_patient_sends_an_invitation_instead_of_showing_a_password_and_assigns_the_physio() {
        navigate(AccountsView.class);
        String email = "ui.patient." + System.nanoTime() + "@example.org";
        fillNewPatient("Ursula Ingram", email);

        test(find(Button.class).id("create-account")).click();

        assertThat(find(Paragraph.class).id("invitation-sent").getText()).isEqualTo("Invitation sent to " + email + ".");
        assertThat(find(Span.class).withId("one-time-password").exists()).as("no password shown").isFalse();
        assertThat(outboxes.rowsTo(email)).extracting(row -> row.get("kind")).containsExactly("INVITATION");
        assertThat(jdbc.queryForObject("select p.physio_id from patient p join account a on a.id = p.account_id "
                + "where a.email = ?", Long.class, email)).isEqualTo(ids.idOf(Demo.PHYSIO2));
        AccountSummary row = grid().getGenericDataView().getItems().filter(r -> r.email().equals(email)).findFirst()
                .orElseThrow();
        assertThat(AccountsView.status(row)).isEqualTo("Invited");
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void creating_a_physio_still_shows_a_one_time_password() {
        navigate(AccountsView.class);
        test(find(Button.class).id("new-account")).click();
        test(find(TextField.class).id("new-name")).setValue("Olu Staff");
        test(find(EmailField.class).id("new-email")).setValue("ui.physio." + System.nanoTime() + "@example.org");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Role> role = find(RadioButtonGroup.class).id("new-role");
        role.setValue(Role.PHYSIO);

        test(find(Button.class).id("create-account")).click();

        assertThat(find(Span.class).id("one-time-password").getText()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
    }

    private void openAccount(String email) {
        // The admin's home is this view, possibly open from before the account existed: open it afresh.
        navigate(app.physioportal.security.ui.AccountView.class);
        navigate(AccountsView.class);
        var rows = grid().getGenericDataView().getItems().toList();
        test(grid()).clickRow(rows.indexOf(rows.stream().filter(r -> r.email().equals(email)).findFirst()
                .orElseThrow()));
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_invited_patients_account_shows_the_invitation_and_the_admin_resends_or_revokes_it() {
        Invited invited = links.invite("Dora Dialog");
        openAccount(invited.email());
        assertThat(find(Paragraph.class).id("invitation-status").getText()).startsWith("Invited on")
                .contains("no password is chosen yet");
        assertThat(find(Button.class).withId("reset-password").exists()).as("no password to reset").isFalse();

        test(find(Button.class).id("resend-invitation")).click();
        String second = links.token(invited.email(), "welcome");
        assertThat(second).isNotEqualTo(invited.token());
        assertThat(invitations.preview(invited.token()).state()).isEqualTo(LinkState.REVOKED);

        openAccount(invited.email());
        test(find(Button.class).id("revoke-invitation")).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();
        assertThat(invitations.preview(second).state()).isEqualTo(LinkState.REVOKED);
        assertThat(ids.auditCountForPatient(Demo.ADMIN, "INVITATION_REVOKED", invited.id())).isEqualTo(1);

        openAccount(invited.email());
        assertThat(find(Paragraph.class).id("invitation-status").getText()).contains("was revoked");
        assertThat(find(Button.class).withId("revoke-invitation").exists()).isFalse();
        assertThat(find(Button.class).withId("resend-invitation").exists()).isTrue();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_patient_with_a_password_is_sent_a_reset_link_and_a_physio_still_gets_a_one_time_password() {
        Person person = links.person();
        openAccount(person.email());
        assertThat(find(Button.class).withId("reset-password").exists()).isFalse();

        test(find(Button.class).id("send-reset-link")).click();

        assertThat(outboxes.rowsTo(person.email())).extracting(row -> row.get("kind")).contains("PASSWORD_RESET");
        assertThat(ids.auditCountForPatient(Demo.ADMIN, "PASSWORD_RESET_REQUESTED", person.id())).isEqualTo(1);

        openAccount(Demo.PHYSIO2);
        assertThat(find(Button.class).withId("reset-password").exists()).isTrue();
        assertThat(find(Button.class).withId("send-reset-link").exists()).isFalse();
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_duplicate_or_invalid_email_and_an_empty_name_are_refused_at_the_field() {
        navigate(AccountsView.class);
        int before = jdbc.queryForObject("select count(*) from account", Integer.class);
        fillNewPatient("", "Patient1@Example.org");

        test(find(Button.class).id("create-account")).click();

        TextField name = find(TextField.class).id("new-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter a name");

        test(name).setValue("Second Margaret");
        test(find(Button.class).id("create-account")).click();
        EmailField email = find(EmailField.class).id("new-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("already exists").contains("nothing was sent");

        test(email).setValue("not an email");
        test(find(Button.class).id("create-account")).click();
        assertThat(find(EmailField.class).id("new-email").getErrorMessage()).isEqualTo("Enter a valid email address");
        assertThat(jdbc.queryForObject("select count(*) from account", Integer.class)).isEqualTo(before);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void the_admin_resets_a_lost_second_factor_after_confirming() {
        String email = "lost.phone." + System.nanoTime() + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createStaff(
                new AccountService.NewAccount("Lost Phone", email, Role.PHYSIO, "a-long-enough-password")));
        long id = ids.idOf(email);
        jdbc.update("insert into second_factor (account_id, totp_secret, enrolled_at) values (?, ?, ?)", id,
                Demo.AUTHENTICATOR_KEY, java.time.LocalDateTime.now());
        // The admin's home is this view, already open from before the account existed: open it afresh.
        navigate(app.physioportal.security.ui.AccountView.class);
        navigate(AccountsView.class);
        AccountSummary row = grid().getGenericDataView().getItems().filter(r -> r.email().equals(email)).findFirst()
                .orElseThrow();
        test(grid()).clickRow(grid().getGenericDataView().getItems().toList().indexOf(row));

        test(find(Button.class).id("reset-second-factor")).click();
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        assertThat(jdbc.queryForObject("select count(*) from second_factor where account_id = ?", Integer.class, id))
                .isZero();
        assertThat(ids.auditCount(Demo.ADMIN, "SECOND_FACTOR_RESET")).isPositive();
    }
}
