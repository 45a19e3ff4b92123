package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.physioportal.PortalTest;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.LinkFixtures.Person;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** "Forgot your password?" as a signed-out person sees it: one answer for every address, a link for an account's. */
@PortalTest
class ForgotPasswordViewTest extends SpringBrowserlessTest {

    @Autowired
    LinkFixtures fixtures;

    private String ask(String email) {
        navigate(ForgotPasswordView.class);
        test(find(EmailField.class).id("forgot-email")).setValue(email);
        test(find(Button.class).id("send-reset-link")).click();
        var answer = find(Paragraph.class).withId("forgot-answer");
        return answer.exists() && answer.single().isVisible() ? answer.single().getText() : "";
    }

    @Test
    @WithAnonymousUser
    void the_answer_is_the_same_for_an_account_and_for_an_unknown_address() {
        Person person = fixtures.person();
        String nobody = LinkFixtures.newEmail("nobody");

        String forAccount = ask(person.email());
        String forNobody = ask(nobody);

        assertThat(forAccount).startsWith("If " + person.email() + " belongs to an account").contains("30 minutes");
        assertThat(forAccount.replace(person.email(), "X")).isEqualTo(forNobody.replace(nobody, "X"));
        await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.emailsTo(person.email(), "PASSWORD_RESET") == 1);
        assertThat(fixtures.emailsTo(nobody, "PASSWORD_RESET")).isZero();
    }

    @Test
    @WithAnonymousUser
    void an_empty_or_malformed_address_is_refused_at_the_field() {
        assertThat(ask("")).isEmpty();
        assertThat(find(EmailField.class).id("forgot-email").getErrorMessage()).isEqualTo("Enter your email address");
        assertThat(ask("not an address")).isEmpty();
        assertThat(find(EmailField.class).id("forgot-email").getErrorMessage()).isEqualTo("Enter a valid email address");
    }
}
