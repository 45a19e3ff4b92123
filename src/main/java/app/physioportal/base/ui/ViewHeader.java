package app.physioportal.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The heading of a page: a title and an optional one-line explanation beneath it. */
public class ViewHeader extends Div {

    private final Paragraph sub = new Paragraph();

    public ViewHeader(String title, String subtitle) {
        addClassName("view-header");
        H2 heading = new H2(title);
        heading.addClassName("view-title");
        sub.addClassName("view-subtitle");
        add(heading, sub);
        setSubtitle(subtitle);
    }

    public void setSubtitle(String subtitle) {
        sub.setText(subtitle == null ? "" : subtitle);
        sub.setVisible(subtitle != null && !subtitle.isBlank());
    }
}
