package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * A person holding a one-time password is kept on their account page until they choose their own; anyone changes
 * their sign-in email there with their password, confirmed from the new address.
 */
@PortalTest
class AccountViewTest extends SpringBrowserlessTest {

    static final String EMAIL = "one.time.user@example.org";
    static final String MOVER = "email.mover@example.org";
    static final AtomicReference<String> ONE_TIME = new AtomicReference<>();

    @Autowired
    Outboxes outboxes;

    @BeforeAll
    static void createAccount(@Autowired AccountService accounts, @Autowired SystemTasks systemTasks,
            @Autowired JdbcTemplate jdbc) {
        // A database kept from an earlier run has both accounts already: Una gets a fresh one-time password.
        var existing = jdbc.queryForList("select id from account where email = ?", Long.class, EMAIL);
        systemTasks.runAs("test", Role.ADMIN, () -> ONE_TIME.set(existing.isEmpty()
                ? accounts.createWithOneTimePassword(new AccountForm("Una Time", EMAIL, Role.PHYSIO, null, null)).password()
                : accounts.resetPassword(existing.getFirst()).password()));
        if (jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, MOVER) == 0) {
            systemTasks.runAs("test", Role.ADMIN, () -> accounts.createPatientLogin(
                    new NewAccount("Mo Mover", MOVER, Role.PATIENT, Demo.FIXTURE_PASSWORD)));
        }
    }

    @Test
    @WithUserDetails(MOVER)
    void a_new_sign_in_email_needs_the_password_and_a_link_goes_to_the_new_address() {
        navigate(AccountView.class);
        String newEmail = "moved." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        EmailField address = find(EmailField.class).id("new-sign-in-email");
        PasswordField password = find(PasswordField.class).id("email-change-password");

        test(address).setValue("not an address");
        test(password).setValue(Demo.FIXTURE_PASSWORD);
        test(find(Button.class).id("change-email")).click();
        assertThat(address.getErrorMessage()).isEqualTo("Enter a valid email address");

        test(address).setValue(newEmail);
        test(password).setValue("not my password");
        test(find(Button.class).id("change-email")).click();
        assertThat(password.getErrorMessage()).isEqualTo("That is not your current password");

        test(password).setValue(Demo.FIXTURE_PASSWORD);
        test(find(Button.class).id("change-email")).click();
        assertThat(find(Paragraph.class).id("email-change-sent").getText()).startsWith("We sent a link to " + newEmail)
                .contains("until then you sign in with " + MOVER);
        assertThat(outboxes.linkToken(newEmail, "confirm-email")).hasSize(43);
        assertThat(address.getValue()).isEmpty();
        assertThat(password.getValue()).isEmpty();
    }

    @Test
    @WithUserDetails(EMAIL)
    void a_one_time_password_holder_must_choose_a_password_before_anything_else() {
        navigate("caseload", AccountView.class);
        assertThat(find(Paragraph.class).id("must-change-password").getText()).contains("one-time password");

        test(find(PasswordField.class).id("current-password")).setValue(ONE_TIME.get());
        test(find(PasswordField.class).id("new-password")).setValue("short");
        test(find(PasswordField.class).id("repeat-password")).setValue("short");
        test(find(Button.class).id("change-password")).click();
        assertThat(find(PasswordField.class).id("new-password").getErrorMessage()).contains("12 characters");

        test(find(PasswordField.class).id("new-password")).setValue("quiet harbour lantern seven");
        test(find(PasswordField.class).id("repeat-password")).setValue("quiet harbour lanterns seven");
        test(find(Button.class).id("change-password")).click();
        assertThat(find(PasswordField.class).id("repeat-password").getErrorMessage()).isEqualTo("The two new passwords differ");

        test(find(PasswordField.class).id("repeat-password")).setValue("quiet harbour lantern seven");
        test(find(Button.class).id("change-password")).click();

        navigate("caseload", app.physioportal.caseload.ui.CaseloadView.class);
    }
}
