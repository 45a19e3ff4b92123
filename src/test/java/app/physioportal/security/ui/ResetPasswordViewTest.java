package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.LinkFixtures.Person;
import app.physioportal.security.PasswordResets;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** The page a reset link opens, signed out: a new password, then the sign-in page says every device was signed out. */
@PortalTest
class ResetPasswordViewTest extends SpringBrowserlessTest {

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    PasswordResets resets;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private String linkFor(Person person) {
        fixtures.as(Demo.ADMIN, () -> resets.sendLink(person.id()));
        return fixtures.token(person.email(), "reset-password");
    }

    private void open(String token) {
        UI.getCurrent().navigate("reset-password", QueryParameters.simple(Map.of("t", token)));
        assertThat(getCurrentView()).isInstanceOf(ResetPasswordView.class);
    }

    @Test
    @WithAnonymousUser
    void a_new_password_is_set_and_the_sign_in_page_says_so() {
        Person person = fixtures.person();
        open(linkFor(person));
        assertThat(find(Paragraph.class).id("reset-text").getText()).contains(person.email())
                .contains("signs you out on every device");

        test(find(PasswordField.class).id("new-password")).setValue("Password1234");
        test(find(PasswordField.class).id("repeat-password")).setValue("Password1234");
        test(find(Button.class).id("save-new-password")).click();
        assertThat(find(PasswordField.class).id("new-password").getErrorMessage()).contains("too common");

        test(find(PasswordField.class).id("new-password")).setValue("maple orbit teacup 31");
        test(find(PasswordField.class).id("repeat-password")).setValue("maple orbit teacup 31");
        test(find(Button.class).id("save-new-password")).click();

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(Paragraph.class).id("login-notice").getText()).contains("every device was signed out");
    }

    @Test
    @WithAnonymousUser
    void an_expired_link_says_so_and_leads_to_asking_for_a_new_one() {
        clock.pin(Instant.parse("2026-12-08T02:10:00Z"));
        String token = linkFor(fixtures.person());
        clock.advance(Duration.ofMinutes(31));

        open(token);

        assertThat(find(Paragraph.class).id("link-refused").getText()).contains("has expired").contains("30 minutes");
        assertThat(find(Anchor.class).withText("Ask for a new link").single().getHref()).isEqualTo("forgot-password");
        assertThat(find(PasswordField.class).withId("new-password").exists()).isFalse();
    }
}
