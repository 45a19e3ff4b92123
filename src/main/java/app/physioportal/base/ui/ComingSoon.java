package app.physioportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** An honest note that a part of the page belongs to a feature that has not landed yet. */
public class ComingSoon extends Div {

    public ComingSoon(String title, String explanation) {
        addClassName("coming-soon");
        Span badge = new Span("Coming soon");
        badge.addClassName("coming-soon-badge");
        Div head = new Div(VaadinIcon.CLOCK.create(), new Span(title));
        head.addClassName("coming-soon-title");
        add(badge, head, new Paragraph(explanation));
    }
}
