package app.physioportal.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The admin sees what is waiting, failed or sent (never the content) and sends a failed email again. */
@PortalTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_failed_email_is_listed_first_without_its_content_and_can_be_sent_again() {
        String to = "outbox-view-" + System.nanoTime() + "@example.org";
        // A row as the sender leaves it after its last attempt (written directly: no sender wakes for it).
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into outbox_email (kind, recipient, subject, text_body, html_body, status, attempts,"
                + " next_attempt_at, last_error, created_at) values ('TEST', ?, 'Tonight''s stretches',"
                + " 'Wall calf stretch: secret content', '<p>Wall calf stretch: secret content</p>', 'FAILED', 12, ?,"
                + " 'ConnectException: Connection refused', ?)", to, now, now);
        long id = jdbc.queryForObject("select id from outbox_email where recipient = ?", Long.class, to);

        navigate(OutboxView.class);
        Div card = find(Div.class).id("outbox-" + id);
        String shown = card.getElement().getTextRecursively();
        assertThat(shown).contains("Tonight's stretches").contains(to).contains("Failed").contains("ConnectException: Connection refused")
                .doesNotContain("secret content");
        assertThat(find(Div.class).id("outbox-list").getChildren().findFirst().orElseThrow().getId())
                .contains("outbox-" + id);

        test(find(Button.class).id("outbox-retry-" + id)).click();
        assertThat(jdbc.queryForObject("select status from outbox_email where id = ?", String.class, id))
                .isIn("PENDING", "SENDING", "FAILED", "SENT");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'EMAIL_RETRIED' and detail = ?",
                Integer.class, "email " + id)).isEqualTo(1);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void only_the_admin_has_the_outbox() {
        navigate("admin/outbox", app.physioportal.shell.ui.NotFoundView.class);
    }
}
