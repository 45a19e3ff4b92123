package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountForm;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** A person holding a one-time password is kept on their account page until they choose their own. */
@PortalTest
class AccountViewTest extends SpringBrowserlessTest {

    static final String EMAIL = "one.time.user@example.org";
    static final AtomicReference<String> ONE_TIME = new AtomicReference<>();

    @BeforeAll
    static void createAccount(@Autowired AccountService accounts, @Autowired SystemTasks systemTasks) {
        systemTasks.runAs("test", Role.ADMIN, () -> ONE_TIME.set(accounts.createWithOneTimePassword(
                new AccountForm("Una Time", EMAIL, Role.PHYSIO, null, null)).password()));
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
