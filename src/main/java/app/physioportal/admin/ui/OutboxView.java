package app.physioportal.admin.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.Outbox;
import app.physioportal.mail.Outbox.Counts;
import app.physioportal.mail.Outbox.Entry;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * What the portal has emailed and what it is still trying to: failed emails first, then those waiting, then the
 * latest sent. The admin sees to whom, what kind and the subject, never the content, and can send a failed one again
 * once the mail server is fixed.
 */
@Route("admin/outbox")
@PageTitle("Email outbox · Physio Portal")
@Menu(title = "Email outbox", order = 6, icon = "vaadin:envelopes")
@RolesAllowed(Role.ADMIN_ROLE)
public class OutboxView extends Main {

    static final int LIMIT = 100;

    private final Outbox outbox;
    private final Clinic clinic;
    private final ViewHeader header = new ViewHeader("Email outbox", null);
    private final Div list = new Div();

    public OutboxView(Outbox outbox, Clinic clinic) {
        this.outbox = outbox;
        this.clinic = clinic;
        addClassName("page");
        setId("outbox-view");
        list.setId("outbox-list");
        list.addClassName("card-list");
        Button refresh = new Button("Refresh", e -> show());
        refresh.setId("outbox-refresh");
        add(header, refresh, list);
        show();
    }

    private void show() {
        Counts counts = outbox.counts();
        header.setSubtitle(counts.failed() + " failed · " + counts.pending() + " waiting to send · "
                + counts.sentToday() + " sent in the last 24 hours");
        list.removeAll();
        List<Entry> entries = outbox.recent(LIMIT);
        if (entries.isEmpty()) {
            Paragraph none = new Paragraph("No email yet.");
            none.setId("outbox-none");
            list.add(none);
        }
        entries.forEach(entry -> list.add(card(entry)));
    }

    private Div card(Entry entry) {
        Span status = new Span(label(entry.status()));
        status.addClassName("chip");
        status.addClassName("outbox-" + entry.status().toLowerCase());
        Span title = new Span(entry.subject());
        title.addClassName("card-title");
        Div head = new Div(title, status);
        head.addClassName("card-head");
        Div card = new Div(head, detail("To " + entry.recipient() + " · " + entry.kind().replace('_', ' ').toLowerCase()),
                detail(when(entry)));
        if (entry.lastError() != null && !"SENT".equals(entry.status())) {
            card.add(detail("Last error: " + entry.lastError()));
        }
        if ("FAILED".equals(entry.status())) {
            Button retry = new Button("Send again", e -> {
                boolean queued = outbox.retry(entry.id());
                Notification.show(queued ? "Queued again." : "It was already queued or sent.", 3000,
                        Notification.Position.BOTTOM_CENTER);
                show();
            });
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.setId("outbox-retry-" + entry.id());
            card.add(retry);
        }
        card.addClassName("card");
        card.setId("outbox-" + entry.id());
        return card;
    }

    private String when(Entry entry) {
        String queued = "Queued " + clinic.stamp(entry.createdAt());
        if (entry.sentAt() != null) {
            return queued + " · sent " + clinic.stamp(entry.sentAt());
        }
        if (entry.nextAttemptAt() != null && entry.attempts() > 0) {
            return queued + " · " + entry.attempts() + " attempts, next " + clinic.stamp(entry.nextAttemptAt());
        }
        return queued + (entry.attempts() > 0 ? " · " + entry.attempts() + " attempts" : "");
    }

    private static Paragraph detail(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("card-detail");
        return p;
    }

    private static String label(String status) {
        return switch (status) {
            case "PENDING", "SENDING" -> "Waiting";
            case "SENT" -> "Sent";
            case "FAILED" -> "Failed";
            case "EXPIRED" -> "Dropped (too late)";
            default -> status;
        };
    }
}
