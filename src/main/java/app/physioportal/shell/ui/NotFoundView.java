package app.physioportal.shell.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Unknown addresses, and pages the signed-in role may not open (Vaadin reports those as not found,
 * so as not to reveal which pages exist).
 */
@PageTitle("Not found · Physio Portal")
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("error-view");
        setId("not-found");
        add(new H2("This page isn't available"),
                new Paragraph("The address may be mistyped, or the page is not part of your account."),
                homeLink());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    /** A button-sized way back: the one thing to do on this page. */
    static Anchor homeLink() {
        Anchor home = new Anchor("", "Go to my home page");
        home.setId("home-link");
        home.addClassName("button-link");
        return home;
    }
}
