package app.physioportal.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/** Recovery codes, shown once: each signs in one time when the phone is lost. */
final class RecoveryCodes {

    private RecoveryCodes() {
    }

    static Div panel(List<String> codes) {
        H2 title = new H2("Keep your recovery codes");
        Paragraph what = new Paragraph("If you lose your phone, each of these codes signs you in once instead of "
                + "the app's code. Write them down or print this page, and keep them apart from your phone. They "
                + "are shown only now.");
        what.addClassName("login-tagline");
        UnorderedList list = new UnorderedList();
        list.setId("recovery-codes");
        list.addClassName("recovery-codes");
        codes.forEach(code -> list.add(new ListItem(code)));
        return new Div(title, what, list);
    }
}
