package app.physioportal.reminders.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.reminders.CheckInLinks;
import app.physioportal.reminders.CheckInLinks.Preview;
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

/**
 * Where the morning email's "No cramps" button leads, signed in or not. Opening it changes nothing (mail scanners
 * open links); the patient confirms with one press, which records the night as cramp-free for that patient and night
 * only. A used, expired or altered link says so and offers the sign-in instead.
 */
@Route(value = "check-in", autoLayout = false)
@PageTitle("No cramps last night · Physio Portal")
@AnonymousAllowed
public class CheckInView extends Main implements BeforeEnterObserver {

    private final CheckInLinks links;
    private final Clinic clinic;
    private final Div card = new Div();
    private String token = "";

    public CheckInView(CheckInLinks links, Clinic clinic) {
        this.links = links;
        this.clinic = clinic;
        addClassName("login-view");
        setId("check-in-view");
        card.addClassName("login-card");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        show(links.preview(token));
    }

    private void show(Preview preview) {
        card.removeAll();
        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        card.add(brand);
        switch (preview.status()) {
            case READY -> {
                card.add(text("check-in-question", "Good morning " + preview.firstName() + ". No cramps on the night of "
                        + clinic.longDay(preview.night()) + "?"));
                Button confirm = new Button("Yes, no cramps", e -> show(links.use(token)));
                confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
                confirm.setId("check-in-confirm");
                confirm.setDisableOnClick(true);
                card.add(confirm, text("check-in-other", "Had cramps after all?"), link("diary/log", "Log a cramp"));
            }
            case RECORDED -> {
                card.add(text("check-in-done", "Thank you, " + preview.firstName() + ". The night of "
                        + clinic.longDay(preview.night()) + " is in your diary as cramp-free."));
                card.add(link("diary", "See my diary"));
            }
            case USED -> card.add(text("check-in-used", "This link was used already: the night of "
                    + clinic.longDay(preview.night()) + " is recorded. To change it, open your diary."),
                    link("diary", "Open my diary"));
            case EXPIRED -> card.add(text("check-in-expired", "This link worked until noon after the night of "
                    + clinic.longDay(preview.night()) + ". Sign in to record that night in your diary."),
                    link("diary", "Open my diary"));
            case HAS_CRAMPS -> card.add(text("check-in-has-cramps", "You have logged cramps for the night of "
                    + clinic.longDay(preview.night()) + ", so it cannot be cramp-free. To change that, open your "
                    + "diary."), link("diary", "Open my diary"));
            case UNKNOWN -> card.add(text("check-in-unknown", "This link is not valid. It may be incomplete: try "
                    + "the button in the email again, or sign in to record the night."), link("diary", "Sign in"));
        }
    }

    private static Paragraph text(String id, String words) {
        Paragraph p = new Paragraph(words);
        p.setId(id);
        p.addClassName("check-in-text");
        return p;
    }

    private static Anchor link(String href, String words) {
        Anchor a = new Anchor(href, words);
        a.addClassName("check-in-link");
        return a;
    }
}
