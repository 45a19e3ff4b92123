package app.physioportal.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.physioportal.DatabaseSwitch;
import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.base.DatabaseAway;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.server.ErrorEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database goes away and comes back (issue 20): DatabaseSwitch refuses connections as HikariCP does while
 * MariaDB restarts. A save says the records are not reachable and that what was typed is still there, the form keeps
 * it, and Save once the database is back saves it once; a page that cannot be read says the same with HTTP 503
 * instead of a stack trace. What Vaadin does with an exception from a click (hand it to the session's error handler)
 * the tests do by hand: browserless clicks pass it to the caller.
 */
@PortalTest
class DatabaseAwayTest extends SpringBrowserlessTest {

    @Autowired
    DatabaseSwitch database;

    @Autowired
    FriendlyErrorHandler errorHandler;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @AfterEach
    void databaseBack() {
        database.up();
    }

    void tap(String id) {
        test(find(Button.class).id(id)).click();
    }

    /** Clicks while the database is away; the failure goes where Vaadin sends it, and the notice shown is returned. */
    String clickWhileAway(String id) {
        Throwable failure = catchThrowable(() -> tap(id));
        assertThat(failure).as("the save failed").isNotNull();
        errorHandler.error(new ErrorEvent(failure));
        roundTrip();
        List<Notification> shown = find(Notification.class).all().stream()
                .filter(n -> "database-away".equals(n.getId().orElse(""))).toList();
        assertThat(shown).as("the database-away notice").hasSize(1);
        return shown.getFirst().getElement().getProperty("text", "")
                + shown.getFirst().getElement().getChildren().map(e -> e.getText()).reduce("", String::concat);
    }

    boolean pressed(String id) {
        return "true".equals(find(Button.class).id(id).getElement().getAttribute("aria-pressed"));
    }

    int rows(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_cramp_saved_while_the_database_is_away_keeps_the_form_and_saves_once_when_it_is_back() {
        long patient = ids.idOf(Demo.PATIENT1);
        int before = rows("select count(*) from cramp_entry where patient_id = ?", patient);
        UI.getCurrent().navigate("diary/log");
        tap("intensity-6");
        tap("location-CALF");
        String note = "typed while the database restarted " + java.util.UUID.randomUUID();
        test(find(TextArea.class).id("note")).setValue(note);

        database.down();
        String notice = clickWhileAway("save-cramp");
        database.up();

        assertThat(notice).contains(DatabaseAway.SAVE_MESSAGE);
        assertThat(getCurrentView().getElement().getAttribute("id")).as("still on the quick log")
                .isEqualTo("quick-log-view");
        assertThat(pressed("intensity-6")).isTrue();
        assertThat(pressed("location-CALF")).isTrue();
        assertThat(find(TextArea.class).id("note").getValue()).isEqualTo(note);
        assertThat(rows("select count(*) from cramp_entry where patient_id = ?", patient)).isEqualTo(before);

        tap("save-cramp");

        assertThat(rows("select count(*) from cramp_entry where patient_id = ?", patient)).isEqualTo(before + 1);
        assertThat(rows("select count(*) from cramp_entry where patient_id = ? and note = ?", patient, note))
                .isEqualTo(1);
        assertThat(getCurrentView().getElement().getAttribute("id")).isEqualTo("diary-view");
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void a_message_sent_while_the_database_is_away_stays_in_the_box_and_is_sent_once_when_it_is_back() {
        long patient = ids.idOf(Demo.PATIENT2);
        String text = "Is it normal that the calf is sore after the stretch? " + java.util.UUID.randomUUID();
        UI.getCurrent().navigate("messages");
        test(find(TextArea.class).id("message-body")).setValue(text);

        database.down();
        String notice = clickWhileAway("send-message");
        database.up();

        assertThat(notice).contains(DatabaseAway.SAVE_MESSAGE);
        assertThat(find(TextArea.class).id("message-body").getValue()).isEqualTo(text);
        assertThat(rows("select count(*) from message where patient_id = ? and body = ?", patient, text)).isZero();

        tap("send-message");

        assertThat(rows("select count(*) from message where patient_id = ? and body = ?", patient, text)).isEqualTo(1);
        assertThat(find(TextArea.class).id("message-body").getValue()).isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_page_opened_while_the_database_is_away_says_so_in_the_frame_instead_of_a_stack_trace() {
        UI.getCurrent().navigate("today");
        database.down();
        UI.getCurrent().navigate("diary");
        database.up();

        InternalErrorView page = (InternalErrorView) getCurrentView();
        assertThat(page.getId()).hasValue("database-away-page");
        assertThat(page.getElement().getTextRecursively()).contains("Not reachable just now", DatabaseAway.PAGE_MESSAGE)
                .doesNotContain("Exception", "reference");
        assertThat(find(Button.class).id("log-cramp-nav").isVisible()).as("the frame is there").isTrue();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void the_next_page_while_the_database_is_still_away_says_so_without_waiting_for_it_again() {
        UI.getCurrent().navigate("today");
        database.down();
        UI.getCurrent().navigate("diary");
        int asked = database.refused();
        UI.getCurrent().navigate("progress");
        int askedAgain = database.refused() - asked;
        database.up();

        assertThat(getCurrentView()).isInstanceOf(InternalErrorView.class);
        assertThat(((InternalErrorView) getCurrentView()).getId()).hasValue("database-away-page");
        assertThat(askedAgain).as("connections asked for by the second page").isZero();

        UI.getCurrent().navigate("progress");
        assertThat(getCurrentView().getElement().getAttribute("id")).as("back, the page shows again")
                .isEqualTo("progress-view");
    }

    @Test
    void the_page_for_a_database_that_is_away_answers_503_and_other_failures_500() {
        var away = new InternalErrorView();
        int status = away.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));
        assertThat(status).isEqualTo(HttpServletResponse.SC_SERVICE_UNAVAILABLE);

        var broken = new InternalErrorView();
        assertThat(broken.setErrorParameter(null, new ErrorParameter<>(Exception.class,
                new IllegalStateException("a bug")))).isEqualTo(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
}
