package app.physioportal.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.admin.ui.AccountsView;
import app.physioportal.caseload.ui.PatientView;
import app.physioportal.diary.ui.DiaryView;
import app.physioportal.diary.ui.QuickLogView;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.Helpers;
import app.physioportal.security.SystemTasks;
import app.physioportal.shell.ui.NotFoundView;
import app.physioportal.today.ui.TodayView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The helper's side of the portal without a browser: the demo helper (Peter Ellis, "view and record" for Margaret)
 * sees her pages with "Helping Margaret Ellis" in the top bar and his name on what he logged, and is refused her
 * messages and her helpers page; Margaret manages her helpers; her physio and the admin see who helps.
 */
@PortalTest
class HelperViewsTest extends SpringBrowserlessTest {

    @Autowired
    DemoIds ids;

    @Autowired
    Helpers helpers;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    JdbcTemplate jdbc;

    private long peterGrant() {
        return jdbc.queryForObject("select g.id from helper_grant g join account a on a.id = g.helper_id "
                + "where a.email = ? and g.revoked_at is null", Long.class, Demo.HELPER);
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void the_helper_lands_on_margarets_today_and_the_top_bar_says_whose_pages_these_are() {
        navigate("", TodayView.class);
        assertThat(find(H2.class).withClassName("view-title").single().getText()).isEqualTo("Margaret's day");
        assertThat(find(Anchor.class).id("helping-whom").getText()).isEqualTo("Helping Margaret Ellis");
        assertThat(find(Button.class).withId("log-cramp-nav").exists()).as("he may record").isTrue();
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void the_helpers_diary_of_margaret_names_him_on_what_he_logged_and_offers_no_questions_to_her_physio() {
        navigate(DiaryView.class);
        assertThat(find(H2.class).withClassName("view-title").single().getText()).isEqualTo("Margaret's diary");
        assertThat(find(Span.class).withClassName("logged-by").all()).isNotEmpty()
                .allSatisfy(by -> assertThat(by.getText()).isEqualTo("Logged by Peter Ellis"));
        assertThat(find(Anchor.class).withClassName("ask-physio").all()).isEmpty();
        navigate(QuickLogView.class);
        assertThat(find(Button.class).id("save-cramp").isEnabled()).isTrue();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void margaret_sees_who_logged_a_night_for_her() {
        navigate(DiaryView.class);
        assertThat(find(Span.class).withClassName("logged-by").all()).extracting(Span::getText)
                .contains("Logged by Peter Ellis");
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void the_helper_is_refused_her_messages_her_helpers_and_her_account_pages() {
        // A page the role may not open does not exist for it, as for every role.
        for (String page : List.of("messages", "helpers", "account/data", "account/access", "caseload", "inbox")) {
            navigate(page, NotFoundView.class);
        }
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void the_people_i_help_page_lists_margaret_as_shown_now() {
        navigate(HelpingView.class);
        Div card = find(Div.class).id("helped-" + ids.idOf(Demo.PATIENT1));
        assertThat(card.getElement().getTextRecursively()).contains("Margaret Ellis", "You may see and record",
                "Showing now");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void margaret_lists_invites_and_removes_helpers_and_bad_input_is_shown_at_its_field() {
        navigate(HelpersView.class);
        assertThat(find(Div.class).id("helper-" + peterGrant()).getElement().getTextRecursively())
                .contains("Peter Ellis (husband)", "Helping since");

        test(find(TextField.class).id("helper-name")).setValue("Jo Carer");
        test(find(EmailField.class).id("helper-email")).setValue(Demo.PATIENT2);
        test(find(Button.class).id("invite-helper")).click();
        EmailField email = find(EmailField.class).id("helper-email");
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).contains("belongs to another Physio Portal account");

        String address = "jo.carer." + System.nanoTime() + "@example.org";
        test(find(EmailField.class).id("helper-email")).setValue(address);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> may = find(RadioButtonGroup.class).id("helper-permission");
        test(may).selectItem(HelpersView.VIEW_ONLY);
        test(find(Button.class).id("invite-helper")).click();
        long grant = jdbc.queryForObject("select g.id from helper_grant g join account a on a.id = g.helper_id "
                + "where a.email = ?", Long.class, address);
        Div card = find(Div.class).id("helper-" + grant);
        assertThat(card.getElement().getTextRecursively()).contains("Jo Carer", "has not chosen a password yet");
        assertThat(jdbc.queryForObject("select may_record from helper_grant where id = ?", Boolean.class, grant))
                .isFalse();

        test(find(Button.class).id("remove-helper-" + grant)).click();
        test(find(ConfirmDialog.class).id("confirm-remove-helper")).confirm();
        assertThat(find(Div.class).withId("helper-" + grant).exists()).isFalse();
        assertThat(find(Div.class).withId("helper-" + peterGrant()).exists()).as("Peter stays").isTrue();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void margarets_physio_sees_who_helps_her() {
        navigate("patients/" + ids.idOf(Demo.PATIENT1), PatientView.class);
        assertThat(find(Paragraph.class).id("patient-helpers").getText())
                .startsWith("Helped on the portal by Peter Ellis (husband), view and record since");
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void the_admin_sees_margarets_helper_and_whom_the_helper_helps() {
        navigate(AccountsView.class);
        @SuppressWarnings("unchecked")
        Grid<AccountSummary> grid = find(Grid.class).id("accounts-grid");
        List<AccountSummary> rows = grid.getGenericDataView().getItems().toList();
        test(grid).clickRow(rows.indexOf(rows.stream().filter(r -> r.email().equals(Demo.HELPER)).findFirst()
                .orElseThrow()));
        assertThat(find(Div.class).id("helper-section").getElement().getTextRecursively())
                .contains("Helps", "Margaret Ellis, view and record");
        assertThat(find(Button.class).withId("end-help-" + peterGrant()).exists()).isTrue();
        assertThat(find(Button.class).withId("reset-password").exists()).as("no one-time password for a helper")
                .isFalse();
    }
}
