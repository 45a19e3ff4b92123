package app.physioportal.reminders.ui;

import app.physioportal.reminders.Unsubscribe;
import app.physioportal.reminders.Unsubscribe.Target;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * The "Stop these emails" link in a reminder's footer: asks once, then turns that one kind of reminder off for that
 * one person. Opening the page changes nothing; a link altered to name someone else is refused.
 */
@Route(value = "unsubscribe", autoLayout = false)
@PageTitle("Stop reminders · Physio Portal")
@AnonymousAllowed
public class UnsubscribeView extends Main implements BeforeEnterObserver {

    private final Unsubscribe unsubscribe;
    private final Div card = new Div();

    public UnsubscribeView(Unsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
        addClassName("login-view");
        setId("unsubscribe-view");
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        Optional<Target> target = unsubscribe.read(token);
        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        card.add(brand);
        if (target.isEmpty()) {
            card.add(text("unsubscribe-invalid", "This link is not valid, so nothing was changed. You can turn "
                    + "reminders on and off in My account, Reminders."), link());
            return;
        }
        String what = target.get().kind().inWords();
        card.add(text("unsubscribe-question", "Stop " + what + "?"));
        Button stop = new Button("Stop " + what);
        stop.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        stop.setId("unsubscribe-confirm");
        stop.setDisableOnClick(true);
        stop.addClickListener(e -> {
            card.removeAll();
            card.add(brand);
            if (unsubscribe.apply(token) == Unsubscribe.Outcome.STOPPED) {
                card.add(text("unsubscribe-done", "Done: no more " + what + ". Other emails are unchanged. To turn "
                        + "them back on, sign in and open My account, Reminders."));
            } else {
                card.add(text("unsubscribe-invalid", "This link is not valid, so nothing was changed."));
            }
            card.add(link());
        });
        card.add(stop, text("unsubscribe-other", "Your other emails from the clinic are not affected."));
    }

    private static Anchor link() {
        Anchor reminders = new Anchor("account/reminders", "Reminder settings");
        reminders.addClassName("check-in-link");
        return reminders;
    }

    private static Paragraph text(String id, String words) {
        Paragraph p = new Paragraph(words);
        p.setId(id);
        p.addClassName("check-in-text");
        return p;
    }
}
