package app.physioportal.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
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
import org.springframework.transaction.support.TransactionTemplate;

/** The admin sees what is waiting, failed or sent (never the content) and sends a failed email again. */
@PortalTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_failed_email_is_listed_first_without_its_content_and_can_be_sent_again() {
        String to = "outbox-view-" + System.nanoTime() + "@example.org";
        transaction.executeWithoutResult(s -> outbox.enqueue(OutgoingEmail.of("TEST", null, to, "Tonight's stretches",
                EmailLayout.from("Clinic").paragraph("Wall calf stretch: secret content").render())));
        long id = jdbc.queryForObject("select id from outbox_email where recipient = ?", Long.class, to);
        jdbc.update("update outbox_email set status = 'FAILED', attempts = 12, last_error = 'Connection refused',"
                + " next_attempt_at = ? where id = ?", Timestamp.from(Instant.now()), id);

        navigate(OutboxView.class);
        Div card = find(Div.class).id("outbox-" + id);
        String shown = card.getElement().getTextRecursively();
        assertThat(shown).contains("Tonight's stretches").contains(to).contains("Failed").contains("Connection refused")
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
