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
import app.physioportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
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
    void creating_a_patient_shows_a_one_time_password_and_assigns_the_physio() {
        navigate(AccountsView.class);
        String email = "ui.patient." + System.nanoTime() + "@example.org";
        fillNewPatient("Ursula Ingram", email);

        test(find(Button.class).id("create-account")).click();

        assertThat(find(Span.class).id("one-time-password").getText()).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(jdbc.queryForObject("select p.physio_id from patient p join account a on a.id = p.account_id "
                + "where a.email = ?", Long.class, email)).isEqualTo(ids.idOf(Demo.PHYSIO2));
        assertThat(grid().getGenericDataView().getItems().map(AccountSummary::email)).contains(email);
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
        assertThat(email.getErrorMessage()).contains("already exists");

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
