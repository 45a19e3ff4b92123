package app.physioportal.messages.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.messages.About;
import app.physioportal.messages.MessageService;
import app.physioportal.messages.MessageSignals;
import app.physioportal.messages.Topics;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The patient's conversation with their physio. Opened from a night, a week, a plan version or an appointment
 * ({@code ?about=night:2026-11-28}), the new message points at it.
 */
@Route("messages")
@PageTitle("Messages · Physio Portal")
@Menu(title = "Messages", order = 5, icon = "vaadin:comments")
@RolesAllowed(Role.PATIENT_ROLE)
public class MessagesView extends Main implements BeforeEnterObserver {

    private final MessageService messages;
    private final MessageSignals signals;
    private final Topics topics;
    private final Clinic clinic;
    private final PortalUser me;

    public MessagesView(MessageService messages, MessageSignals signals, Topics topics, Clinic clinic,
            CurrentUser currentUser) {
        this.messages = messages;
        this.signals = signals;
        this.topics = topics;
        this.clinic = clinic;
        this.me = currentUser.require();
        addClassName("page");
        setId("messages-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        About about = event.getLocation().getQueryParameters().getSingleParameter("about").flatMap(About::parse)
                .orElse(null);
        removeAll();
        ConversationPanel conversation = new ConversationPanel(messages, signals, topics, clinic, me.id(), false, about);
        add(new ViewHeader("Messages", "Between you and your physio. Your physio sees your diary, so you need not "
                + "repeat it."), conversation);
    }
}
