package app.physioportal.messages.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.messages.MessageService;
import app.physioportal.messages.MessageService.InboxRow;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;

/** The physio's conversations: unread first, then those waiting for an answer, then the latest. */
@Route("inbox")
@PageTitle("Messages · Physio Portal")
@Menu(title = "Messages", order = 2, icon = "vaadin:comments")
@RolesAllowed(Role.PHYSIO_ROLE)
public class InboxView extends Main {

    public InboxView(MessageService messages, Clinic clinic, Clock clock) {
        addClassName("page");
        setId("inbox-view");
        List<InboxRow> rows = messages.inbox();
        long unread = rows.stream().filter(r -> r.unread() > 0).count();
        add(new ViewHeader("Messages", rows.isEmpty() ? "No conversations yet."
                : unread == 0 ? "Nothing unread." : unread + (unread == 1 ? " conversation" : " conversations")
                        + " with unread messages (listed first)."));
        Div list = new Div();
        list.addClassName("card-list");
        list.setId("inbox-list");
        if (rows.isEmpty()) {
            list.add(new Paragraph("When a patient writes to you, the conversation appears here and on their card "
                    + "in your caseload."));
        }
        Instant now = clock.instant();
        for (InboxRow row : rows) {
            list.add(card(row, messages.answerWithin(), now, clinic));
        }
        add(list);
    }

    private static Div card(InboxRow row, Duration answerWithin, Instant now, Clinic clinic) {
        Anchor name = new Anchor("patients/" + row.patientId() + "?tab=messages", row.patientName());
        name.addClassName("card-title");
        name.setId("inbox-link-" + row.patientId());
        Div head = new Div(name);
        head.addClassName("card-head");
        if (row.unread() > 0) {
            Span badge = new Span(row.unread() + " unread");
            badge.addClassName("unread-badge");
            head.add(badge);
        }
        Span last = new Span((row.lastFromPatient() ? "Last from the patient, " : "Last from you, ")
                + clinic.weekdayTime(row.lastAt()));
        last.addClassName("card-detail");
        Div card = new Div(head, last);
        if (row.waitingSince() != null) {
            boolean late = row.waitingSince().plus(answerWithin).isBefore(now);
            Span waiting = new Span((late ? "Unanswered for over " : "Waiting for your answer since ")
                    + (late ? ConversationPanel.inWords(answerWithin) : clinic.weekdayTime(row.waitingSince())));
            waiting.addClassName(late ? "overdue-flag" : "card-detail");
            card.add(waiting);
        }
        card.addClassName("card");
        card.setId("inbox-row-" + row.patientId());
        return card;
    }
}
