package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.DemoIds;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** A patient turns two-step sign-in on from My account, and off again; every change needs a code from the app. */
@PortalTest
class TwoStepSectionTest extends SpringBrowserlessTest {

    @Autowired
    SignInSteps steps;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @AfterEach
    void forget() {
        steps.forget();
    }

    @Test
    @WithAnonymousUser
    void a_patient_turns_it_on_with_a_code_sees_recovery_codes_and_turns_it_off_with_a_fresh_code() {
        String email = "two-step-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createPatientLogin(
                new NewAccount("Two Step", email, Role.PATIENT, "a-long-enough-password")));
        steps.signedIn(email);
        navigate(AccountView.class);
        assertThat(find(Paragraph.class).id("two-step-state").getText()).startsWith("Off");

        test(find(Button.class).id("two-step-on")).click();
        String key = find(Div.class).id("two-step-secret").getText().replace(" ", "");
        long step = Totp.stepOf(Instant.now());
        test(find(TextField.class).id("two-step-code")).setValue(Totp.code(key, step));
        test(find(Button.class).id("two-step-confirm")).click();

        assertThat(find(Paragraph.class).id("two-step-state").getText()).startsWith("On with an authenticator app")
                .contains("10 recovery codes left");
        assertThat(find(UnorderedList.class).id("recovery-codes").getChildren().count()).isEqualTo(10);
        assertThat(ids.auditCount(email, "SECOND_FACTOR_ENROLLED")).isEqualTo(1);

        test(find(TextField.class).id("two-step-code")).setValue(Totp.code(key, step));
        test(find(Button.class).id("two-step-off")).click();
        assertThat(find(TextField.class).id("two-step-code").getErrorMessage()).as("a spent code").contains("match");
        assertThat(find(Paragraph.class).id("two-step-state").getText()).startsWith("On with");

        test(find(TextField.class).id("two-step-code")).setValue(Totp.code(key, step + 1));
        test(find(Button.class).id("two-step-off")).click();
        assertThat(find(Paragraph.class).id("two-step-state").getText()).startsWith("Off");
        assertThat(ids.auditCount(email, "SECOND_FACTOR_REMOVED")).isEqualTo(1);
    }

    @Test
    @WithAnonymousUser
    void moving_the_app_to_a_new_phone_needs_a_code_from_the_current_one() {
        String email = "two-step-move-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createPatientLogin(
                new NewAccount("Two Step Move", email, Role.PATIENT, "a-long-enough-password")));
        steps.signedIn(email);
        navigate(AccountView.class);
        test(find(Button.class).id("two-step-on")).click();
        String key = find(Div.class).id("two-step-secret").getText().replace(" ", "");
        long step = Totp.stepOf(Instant.now());
        test(find(TextField.class).id("two-step-code")).setValue(Totp.code(key, step));
        test(find(Button.class).id("two-step-confirm")).click();

        test(find(Button.class).id("two-step-move")).click();
        assertThat(find(TextField.class).id("two-step-code").getErrorMessage())
                .as("a stolen session alone cannot plant another app").contains("current app");
        assertThat(find(Div.class).withId("two-step-secret").exists()).isFalse();

        test(find(TextField.class).id("two-step-code")).setValue(Totp.code(key, step + 1));
        test(find(Button.class).id("two-step-move")).click();
        assertThat(find(Div.class).id("two-step-secret").getText()).as("a new key to scan").isNotBlank()
                .isNotEqualTo(key);
    }
}
