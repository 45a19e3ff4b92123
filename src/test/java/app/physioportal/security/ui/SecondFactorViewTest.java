package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SignInSteps;
import app.physioportal.security.SystemTasks;
import app.physioportal.security.Totp;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** The second step of signing in, as the person sees it: the code, or first setting up an app. */
@PortalTest
class SecondFactorViewTest extends SpringBrowserlessTest {

    @Autowired
    SignInSteps steps;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @AfterEach
    void forget() {
        steps.forget();
    }

    @Test
    @WithAnonymousUser
    void a_wrong_code_is_said_at_the_field_and_the_right_one_signs_in() {
        steps.passwordGiven(Demo.PHYSIO2);
        navigate(SecondFactorView.class);
        TextField code = find(TextField.class).id("factor-code");

        test(code).setValue("123");
        test(find(Button.class).id("factor-continue")).click();
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).contains("not right");
        assertThat(steps.fullySignedIn()).isFalse();

        test(code).setValue(Demo.code(Demo.PHYSIO2));
        test(find(Button.class).id("factor-continue")).click();
        assertThat(steps.fullySignedIn()).isTrue();
    }

    @Test
    @WithAnonymousUser
    void new_staff_set_up_an_app_and_see_ten_recovery_codes() {
        String email = "view-factor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createStaff(
                new NewAccount("View Physio", email, Role.PHYSIO, "a-long-enough-password")));
        steps.passwordGiven(email);
        navigate(SecondFactorView.class);
        assertThat(find(Div.class).id("factor-qr").getChildren().count()).isOne();
        String key = find(Div.class).id("factor-secret").getText().replace(" ", "");

        test(find(TextField.class).id("factor-code")).setValue("000000");
        test(find(Button.class).id("factor-enrol")).click();
        assertThat(find(TextField.class).id("factor-code").getErrorMessage()).contains("does not match");

        test(find(TextField.class).id("factor-code")).setValue(Totp.codeAt(key, Instant.now()));
        test(find(Button.class).id("factor-enrol")).click();
        assertThat(find(UnorderedList.class).id("recovery-codes").getChildren().count()).isEqualTo(10);
        assertThat(steps.fullySignedIn()).isTrue();
    }

    @Test
    @WithAnonymousUser
    void without_a_password_first_it_sends_you_to_sign_in() {
        navigate("second-factor", LoginView.class);
    }
}
