package app.physioportal.messages.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.caseload.ui.CaseloadView;
import app.physioportal.caseload.ui.PatientView;
import app.physioportal.messages.MessageService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.caseload.CaseloadService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The patient's Messages page, the physio's inbox, the Messages tab on the patient page and the caseload's unread
 * badge, without a browser.
 */
@PortalTest
class MessagesViewsTest extends SpringBrowserlessTest {

    @Autowired
    MessageService messages;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    private void openMessages(String about) {
        UI.getCurrent().navigate("messages", about == null ? QueryParameters.empty()
                : QueryParameters.simple(Map.of("about", about)));
    }

    private List<String> messageTexts() {
        return find(Paragraph.class, find(Div.class).id("message-list")).withClassName("message-body").all().stream()
                .map(Paragraph::getText).toList();
    }

    private int countFor(long patientId) {
        return jdbc.queryForObject("select count(*) from message where patient_id = ?", Integer.class, patientId);
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void the_patient_asks_about_a_night_and_the_message_shows_as_text_with_the_night_inline() {
        LocalDate night = LocalDate.now().minusDays(2);
        openMessages("night:" + night);
        Div chip = find(Div.class).id("message-about");
        assertThat(chip.isVisible()).isTrue();
        assertThat(chip.getElement().getTextRecursively()).startsWith("About: Night of ");
        assertThat(find(Paragraph.class).id("message-urgency").getText()).startsWith("Not for emergencies.")
                .contains("answers within 2 days").contains("999");

        String typed = "<b>Is this normal?</b> <img src=x onerror=alert(1)>";
        test(find(TextArea.class).id("message-body")).setValue(typed);
        test(find(Button.class).id("send-message")).click();

        assertThat(messageTexts()).last().isEqualTo(typed);
        Paragraph shown = find(Paragraph.class, find(Div.class).id("message-list")).withClassName("message-body").all()
                .getLast();
        assertThat(shown.getElement().getChildCount()).isEqualTo(1);
        assertThat(shown.getElement().getChild(0).isTextNode()).as("a text node, never markup").isTrue();
        Div card = (Div) shown.getParent().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("Night of ");
        assertThat(find(Div.class).withId("message-about").exists()).as("the chip goes with the message").isFalse();
        assertThat(find(TextArea.class).id("message-body").getValue()).isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void an_empty_message_is_refused_at_the_field_and_a_tampered_topic_saves_nothing() {
        long david = ids.idOf(Demo.PATIENT2);
        int before = countFor(david);
        openMessages(null);
        test(find(Button.class).id("send-message")).click();
        TextArea body = find(TextArea.class).id("message-body");
        assertThat(body.isInvalid()).isTrue();
        assertThat(body.getErrorMessage()).isEqualTo("Write your message first.");

        long margaretsAppointment = jdbc.queryForObject("select min(id) from appointment where patient_id = ?",
                Long.class, ids.idOf(Demo.PATIENT1));
        openMessages("appointment:" + margaretsAppointment);
        test(find(TextArea.class).id("message-body")).setValue("Can I move it?");
        test(find(Button.class).id("send-message")).click();
        assertThat(find(Notification.class).all().stream().filter(Notification::isOpened)
                .map(n -> n.getElement().getProperty("text", ""))).anyMatch(t -> t.contains("not in this record"));
        assertThat(find(TextArea.class).id("message-body").getValue()).as("the text is kept").isEqualTo("Can I move it?");
        assertThat(countFor(david)).isEqualTo(before);

        openMessages("nonsense");
        assertThat(find(Div.class).withId("message-about").exists()).as("an unreadable topic is ignored").isFalse();
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void the_sender_withdraws_a_message_just_sent() {
        openMessages(null);
        test(find(TextArea.class).id("message-body")).setValue("Sorry, wrong leg");
        test(find(Button.class).id("send-message")).click();
        Button withdraw = find(Button.class, find(Div.class).id("message-list")).withClassName("message-withdraw").all()
                .getLast();
        test(withdraw).click();
        assertThat(messageTexts()).doesNotContain("Sorry, wrong leg");
        assertThat(find(Div.class).id("message-list").getElement().getTextRecursively())
                .contains("Message withdrawn by you");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_physio_sees_unread_on_the_caseload_and_in_the_inbox_then_answers_from_the_patient_page() {
        long david = ids.idOf(Demo.PATIENT2);
        fixtures.as(Demo.PATIENT2, () -> messages.send(david, "The new hold makes my calf ache.", null));

        navigate(CaseloadView.class);
        @SuppressWarnings("unchecked")
        var caseload = test((com.vaadin.flow.component.virtuallist.VirtualList<CaseloadService.CaseloadRow>) find(
                com.vaadin.flow.component.virtuallist.VirtualList.class).id("caseload-list"));
        int davidsCard = java.util.stream.IntStream.range(0, caseload.size())
                .filter(i -> caseload.getItem(i).patientId() == david).findFirst().orElseThrow();
        // At least this one (other tests may have left David's earlier messages unread).
        int unread = caseload.getLitRendererPropertyValue(davidsCard, "unread", Integer.class);
        assertThat(unread).isPositive();
        assertThat(caseload.getLitRendererPropertyValue(davidsCard, "unreadLabel", String.class))
                .isEqualTo(unread + (unread == 1 ? " unread message" : " unread messages") + " from David Chen");

        navigate(InboxView.class);
        var rows = find(Div.class, find(Div.class).id("inbox-list")).withClassName("card").all();
        assertThat(rows.getFirst().getElement().getTextRecursively()).contains("unread");
        assertThat(find(Anchor.class).id("inbox-link-" + david).getHref()).isEqualTo("patients/" + david + "?tab=messages");

        UI.getCurrent().navigate("patients/" + david, QueryParameters.simple(Map.of("tab", "messages")));
        TabSheet tabs = find(TabSheet.class).id("patient-tabs");
        assertThat(tabs.getTabCount()).isEqualTo(6);
        assertThat(tabs.getSelectedIndex()).isEqualTo(5);
        assertThat(messageTexts()).contains("The new hold makes my calf ache.");
        assertThat(find(Anchor.class, find(Div.class).id("message-list")).withClassName("message-plan-link").all())
                .isNotEmpty();
        assertThat(messages.unreadFromPatients(List.of(david))).doesNotContainKey(david);

        test(find(TextArea.class).id("message-body")).setValue("Drop to 2 sets this week.");
        test(find(Button.class).id("send-message")).click();
        assertThat(messageTexts()).last().isEqualTo("Drop to 2 sets this week.");
        assertThat(fixtures.as(Demo.PATIENT2, () -> messages.myUnread())).isPositive();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void a_physio_is_refused_another_physios_patients_conversation() {
        long david = ids.idOf(Demo.PATIENT2);
        UI.getCurrent().navigate("patients/" + david, QueryParameters.simple(Map.of("tab", "messages")));
        assertThat(find(PatientView.class).all()).isEmpty();
        assertThat(find(Div.class).all().stream().filter(d -> "message-list".equals(d.getId().orElse(null))))
                .isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void the_navigation_shows_the_unread_count_until_the_patient_opens_messages() {
        long david = ids.idOf(Demo.PATIENT2);
        fixtures.as(Demo.PHYSIO1, () -> messages.send(david, "How did the longer hold go?", null));
        navigate(app.physioportal.today.ui.TodayView.class);
        com.vaadin.flow.component.html.Span badge = find(com.vaadin.flow.component.html.Span.class)
                .id("nav-badge-messages");
        assertThat(Integer.parseInt(badge.getText())).isPositive();
        assertThat(badge.getElement().getAttribute("aria-label")).endsWith("unread");

        openMessages(null);
        assertThat(find(com.vaadin.flow.component.html.Span.class).withId("nav-badge-messages").exists()).isFalse();
        assertThat(messageTexts()).contains("How did the longer hold go?");
    }
}
