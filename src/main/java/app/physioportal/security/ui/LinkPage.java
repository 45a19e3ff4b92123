package app.physioportal.security.ui;

import app.physioportal.security.LinkPreview;
import app.physioportal.security.LinkState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import org.jspecify.annotations.Nullable;

/**
 * A page opened signed out from a link in an email ({@code ?t=...}). Opening it changes nothing (mail scanners open
 * links); a used, expired, revoked or unknown link is refused in plain words with a way on, and only a press of the
 * page's button uses the link.
 */
abstract class LinkPage extends Main implements BeforeEnterObserver {

    /** What to say about a link that cannot be used, and where to go instead. */
    record Refusal(String words, String href, String linkText) {
    }

    static final String NOT_VALID = "This link is not valid. It may be incomplete: open it from the email again, or "
            + "copy all of it into the address bar.";

    private final Div card = new Div();
    private String token = "";

    LinkPage(String id) {
        addClassName("login-view");
        setId(id);
        card.addClassName("login-card");
        card.addClassName("factor-card");
        add(card);
    }

    /** The link's state, and whose account it is for; changes nothing. */
    abstract LinkPreview preview(String token);

    /** The page for a ready link: what the link is for, and the button that uses it. */
    abstract void showReady(LinkPreview preview);

    /** The words for a link that cannot be used. */
    abstract Refusal refusal(LinkPreview preview);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        show(preview(token));
    }

    String token() {
        return token;
    }

    void show(LinkPreview preview) {
        if (preview.state() == LinkState.READY) {
            showReady(preview);
            return;
        }
        Refusal refusal = refusal(preview);
        start(null);
        card.add(text("link-refused", refusal.words()), link(refusal.href(), refusal.linkText()));
    }

    /** Clears the card down to the portal's name and, if given, a heading. */
    void start(@Nullable String heading) {
        card.removeAll();
        H1 brand = new H1("Physio Portal");
        brand.addClassName("login-brand");
        card.add(brand);
        if (heading != null) {
            card.add(new H2(heading));
        }
    }

    void addToCard(Component... parts) {
        card.add(parts);
    }

    static Paragraph text(String id, String words) {
        Paragraph p = new Paragraph(words);
        p.setId(id);
        p.addClassName("check-in-text");
        return p;
    }

    /** A link on a line of its own, so it reads as a way on rather than as part of the text above. */
    static Div link(String href, String words) {
        Anchor a = new Anchor(href, words);
        a.addClassName("check-in-link");
        return new Div(a);
    }
}
