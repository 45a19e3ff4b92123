package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.security.EmailChanges;
import app.physioportal.security.EmailChanges.EmailChange;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.LinkFixtures.Person;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;

/** The page the link to a new sign-in address opens: opening changes nothing, the button makes the change. */
@PortalTest
class ConfirmEmailViewTest extends SpringBrowserlessTest {

    @Autowired
    LinkFixtures fixtures;

    @Autowired
    EmailChanges changes;

    @Autowired
    JdbcTemplate jdbc;

    private void open(String token) {
        UI.getCurrent().navigate("confirm-email", QueryParameters.simple(Map.of("t", token)));
        assertThat(getCurrentView()).isInstanceOf(ConfirmEmailView.class);
    }

    private String emailOf(long id) {
        return jdbc.queryForObject("select email from account where id = ?", String.class, id);
    }

    @Test
    @WithAnonymousUser
    void opening_the_link_changes_nothing_and_the_button_moves_the_account() {
        Person person = fixtures.person();
        String newEmail = LinkFixtures.newEmail("confirmed");
        fixtures.as(person.email(), () -> changes.request(new EmailChange(newEmail, Demo.FIXTURE_PASSWORD)));
        String token = fixtures.token(newEmail, "confirm-email");

        open(token);
        assertThat(find(Paragraph.class).id("confirm-email-text").getText()).contains(newEmail)
                .doesNotContain(person.email());
        assertThat(emailOf(person.id())).isEqualTo(person.email());

        test(find(Button.class).id("confirm-email")).click();
        assertThat(find(Paragraph.class).id("email-changed").getText()).contains("you sign in with " + newEmail);
        assertThat(emailOf(person.id())).isEqualTo(newEmail);

        open(token);
        assertThat(find(Paragraph.class).id("link-refused").getText()).contains("used already");
    }

    @Test
    @WithAnonymousUser
    void an_unknown_link_says_so() {
        open("made-up");
        assertThat(find(Paragraph.class).id("link-refused").getText()).startsWith("This link is not valid");
        assertThat(find(Button.class).withId("confirm-email").exists()).isFalse();
    }
}
