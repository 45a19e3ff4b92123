package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.LinkFixtures.Invited;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
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

/** The page an invitation opens, signed out: choose a password (twice, the portal's policy), then sign in. */
@PortalTest
class WelcomeViewTest extends SpringBrowserlessTest {

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    private void open(String token) {
        UI.getCurrent().navigate("welcome", QueryParameters.simple(Map.of("t", token)));
        assertThat(getCurrentView()).isInstanceOf(WelcomeView.class);
    }

    private void choose(String password, String again) {
        test(find(PasswordField.class).id("new-password")).setValue(password);
        test(find(PasswordField.class).id("repeat-password")).setValue(again);
        test(find(Button.class).id("choose-password")).click();
    }

    @Test
    @WithAnonymousUser
    void the_invited_person_chooses_a_password_and_is_sent_to_sign_in_with_it() {
        Invited invited = fixtures.invite("Wendy Welcome");
        open(invited.token());
        assertThat(find(H2.class).single().getText()).isEqualTo("Welcome, Wendy");
        assertThat(find(Paragraph.class).id("welcome-text").getText()).contains(invited.email());

        choose("quiet otter lantern 12", "quiet otter lantern 13");
        assertThat(find(PasswordField.class).id("repeat-password").getErrorMessage())
                .isEqualTo("The two passwords differ");
        choose("short", "short");
        assertThat(find(PasswordField.class).id("new-password").getErrorMessage()).contains("12 characters");

        choose("quiet otter lantern 12", "quiet otter lantern 12");

        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(Paragraph.class).id("login-notice").getText()).contains("Your password is set");
    }

    @Test
    @WithAnonymousUser
    void a_used_expired_or_altered_invitation_says_so_and_offers_no_form() {
        clock.pin(Instant.parse("2026-12-07T09:00:00Z"));
        Invited invited = fixtures.invite("Ed Expired");

        open(invited.token().substring(1) + "A");
        assertThat(find(Paragraph.class).id("link-refused").getText()).startsWith("This link is not valid");
        assertThat(find(PasswordField.class).withId("new-password").exists()).isFalse();

        clock.advance(Duration.ofHours(73));
        open(invited.token());
        assertThat(find(Paragraph.class).id("link-refused").getText()).contains("has expired")
                .contains("72 hours").contains("Call the clinic");
    }

    @Test
    @WithAnonymousUser
    void a_used_invitation_points_to_the_sign_in() {
        Invited invited = fixtures.invite("Una Used");
        open(invited.token());
        choose("tidal copper garden 8", "tidal copper garden 8");

        open(invited.token());
        assertThat(find(Paragraph.class).id("link-refused").getText()).contains("used already");
    }
}
