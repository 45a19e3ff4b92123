package app.physioportal.messages.ui;

import app.physioportal.base.InvalidInput;
import app.physioportal.base.ui.FormErrors;
import app.physioportal.base.ui.TextLimit;
import app.physioportal.clinic.Clinic;
import app.physioportal.messages.About;
import app.physioportal.messages.MessageService;
import app.physioportal.messages.MessageService.Conversation;
import app.physioportal.messages.MessageService.MessageView;
import app.physioportal.messages.MessageSignals;
import app.physioportal.messages.Topics;
import app.physioportal.security.BackgroundRequest;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;

/**
 * One patient's conversation with their care team, for the patient (their Messages page) and for the physio (the
 * patient page's Messages tab): the messages oldest first, each with what it is about and where to see it, the
 * receipt, a withdraw button for five minutes, and the compose box. While it is open it polls the instance's
 * per-conversation counter every few seconds and reloads only when a message was sent, read or withdrawn.
 */
@NamedInterface("panels")
public class ConversationPanel extends Div {

    /** How often an open conversation asks whether anything changed (no database query: see MessageSignals). */
    static final int POLL_MILLIS = 4000;

    private final MessageService messages;
    private final MessageSignals signals;
    private final Topics topics;
    private final Clinic clinic;
    private final long patientId;
    private final boolean physio;
    private final Div list = new Div();
    private final TextArea body = new TextArea();
    private final Div aboutChip = new Div();
    private final Button send = new Button("Send", VaadinIcon.PAPERPLANE.create());
    private @Nullable About about;
    private long seenVersion;
    private @Nullable Registration pollRegistration;
    /** What each topic shown is, in words (each topic looked up once per showing, not once per message). */
    private final Map<About, String> described = new HashMap<>();

    public ConversationPanel(MessageService messages, MessageSignals signals, Topics topics, Clinic clinic,
            long patientId, boolean physio, @Nullable About about) {
        this.messages = messages;
        this.signals = signals;
        this.topics = topics;
        this.clinic = clinic;
        this.patientId = patientId;
        this.physio = physio;
        this.about = about;
        addClassName("conversation");
        setId("conversation");
        list.addClassName("message-list");
        list.setId("message-list");
        list.getElement().setAttribute("role", "log");
        list.getElement().setAttribute("aria-label", "Messages");
        seenVersion = signals.version(patientId);
        show(messages.open(patientId));
        add(list, compose());
    }

    private Div compose() {
        body.setId("message-body");
        body.setLabel(physio ? "Your answer" : "Message to your physio");
        body.setWidthFull();
        body.setMinHeight("5em");
        TextLimit.apply(body, MessageService.MAX_LENGTH);
        body.setPlaceholder(physio ? "e.g. Drop to 2 sets this week and tell me how the calf feels."
                : "e.g. The new hold makes my calf ache. Should I keep going?");
        send.setId("send-message");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> send());
        aboutChip.setId("message-about");
        aboutChip.addClassName("about-chip");
        renderAboutChip();
        Div form = new Div();
        form.addClassName("compose");
        if (!physio) {
            Paragraph notice = new Paragraph("Not for emergencies. Your physio answers within "
                    + inWords(messages.answerWithin()) + ". If a cramp will not ease, or your calf stays swollen, "
                    + "red, hot or painful, call the clinic or your GP today; in an emergency call 999.");
            notice.setId("message-urgency");
            notice.addClassName("urgency-notice");
            form.add(notice);
        }
        form.add(aboutChip, body, send);
        return form;
    }

    private void renderAboutChip() {
        aboutChip.removeAll();
        aboutChip.setVisible(about != null);
        if (about == null) {
            return;
        }
        Span text = new Span("About: " + safeDescribe(about));
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            about = null;
            renderAboutChip();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel("Send without pointing at this");
        remove.setId("message-about-remove");
        remove.addClassName("tap-target");
        aboutChip.add(text, remove);
    }

    private String safeDescribe(About topic) {
        return described.computeIfAbsent(topic, t -> {
            try {
                return topics.describe(patientId, t);
            } catch (RuntimeException notThisPatients) {
                return topics.label(t);
            }
        });
    }

    private void send() {
        FormErrors.clear(Map.of("body", body));
        try {
            messages.send(patientId, body.getValue(), about);
        } catch (InvalidInput refused) {
            if ("about".equals(refused.field())) {
                about = null;
                renderAboutChip();
                Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                FormErrors.show(refused, Map.of("body", body));
            }
            return;
        }
        body.clear();
        about = null;
        renderAboutChip();
        seenVersion = signals.version(patientId);
        show(messages.refresh(patientId));
        Notification.show(physio ? "Sent." : "Sent. We will email you when your physio answers.", 3000,
                Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void show(Conversation conversation) {
        // Described once per showing: many messages about the same plan version or night read it once.
        described.clear();
        list.removeAll();
        if (conversation.messages().isEmpty()) {
            Paragraph none = new Paragraph(physio ? "No messages yet. Write to " + conversation.patientName() + " below."
                    : "No messages yet. Ask your physio about your stretches, a night or your plan below.");
            none.setId("no-messages");
            list.add(none);
        }
        for (MessageView message : conversation.messages()) {
            list.add(card(message));
        }
    }

    private Div card(MessageView message) {
        Div card = new Div();
        card.addClassName("message");
        card.addClassName(message.mine() ? "message-mine" : "message-theirs");
        card.setId("message-" + message.id());
        Span meta = new Span((message.mine() ? "You" : message.senderName()) + " · "
                + clinic.weekdayTime(message.sentAt()));
        meta.addClassName("message-meta");
        card.add(meta);
        if (message.about() != null) {
            card.add(aboutBlock(message.about()));
        }
        if (message.withdrawn()) {
            Paragraph withdrawn = new Paragraph("Message withdrawn by " + (message.mine() ? "you" : "the sender"));
            withdrawn.addClassName("message-withdrawn");
            card.add(withdrawn);
            return card;
        }
        Paragraph text = new Paragraph(message.body());
        text.addClassName("message-body");
        card.add(text);
        Div foot = new Div();
        foot.addClassName("message-foot");
        if (message.mine()) {
            Span receipt = new Span(message.readAt() == null ? "Sent" : "Read " + clinic.weekdayTime(message.readAt()));
            receipt.addClassName("message-receipt");
            foot.add(receipt);
            if (message.withdrawableUntil() != null) {
                Button withdraw = new Button("Withdraw", e -> withdraw(message));
                withdraw.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                withdraw.addClassNames("message-withdraw", "tap-target");
                withdraw.getElement().setAttribute("aria-label", "Withdraw this message (possible until "
                        + clinic.time(message.withdrawableUntil()) + ")");
                foot.add(withdraw);
            }
        }
        if (physio && message.fromPatient()) {
            Anchor plan = new Anchor("patients/" + patientId + "/plan?answers=" + message.id(),
                    "Change the plan in answer");
            plan.addClassName("card-link");
            plan.addClassName("message-plan-link");
            foot.add(plan);
        }
        if (foot.getComponentCount() > 0) {
            card.add(foot);
        }
        return card;
    }

    private Div aboutBlock(About topic) {
        Div block = new Div();
        block.addClassName("message-about");
        block.add(new Span(safeDescribe(topic)));
        Anchor jump = new Anchor(jumpTo(topic), "Open");
        jump.addClassName("card-link");
        jump.getElement().setAttribute("aria-label", "Open " + topics.label(topic));
        block.add(jump);
        return block;
    }

    /** Where the thing is shown: the physio's patient page tab, or the patient's own page. */
    private String jumpTo(About topic) {
        String base = "patients/" + patientId;
        return switch (topic.kind()) {
            case NIGHT -> physio ? base + "?tab=diary" : "diary";
            case WEEK -> physio ? base + "?tab=progress" : "progress";
            case PLAN -> physio ? base + "?tab=plan" : "plan/history";
            case APPOINTMENT -> physio ? base + "?tab=appointments" : "appointments";
        };
    }

    private void withdraw(MessageView message) {
        try {
            messages.withdraw(patientId, message.id());
        } catch (InvalidInput | AccessDeniedException refused) {
            Notification.show(refused.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        seenVersion = signals.version(patientId);
        show(messages.refresh(patientId));
    }

    /** Reloads when the conversation changed since it was last shown (on this or another instance). */
    void refreshIfChanged() {
        long now = signals.version(patientId);
        if (now != seenVersion) {
            seenVersion = now;
            show(messages.refresh(patientId));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        signals.watching(true);
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(poll -> {
            // The page asks by itself: not the person's use, so an open conversation still signs out when idle.
            BackgroundRequest.notThePersonsDoing();
            refreshIfChanged();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        event.getUI().setPollInterval(-1);
        signals.watching(false);
        super.onDetach(event);
    }

    static String inWords(Duration within) {
        long hours = within.toHours();
        if (hours >= 24 && hours % 24 == 0) {
            long days = hours / 24;
            return days == 1 ? "a day" : days + " days";
        }
        return hours == 1 ? "an hour" : hours + " hours";
    }
}
