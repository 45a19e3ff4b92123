package app.physioportal.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** Any other failure while opening a page: a plain apology and a reference, never a stack trace. */
@PageTitle("Something went wrong · Physio Portal")
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends Main implements HasErrorParameter<Exception> {

    private final Paragraph reference = new Paragraph();

    public InternalErrorView() {
        addClassName("error-view");
        setId("internal-error");
        reference.setId("error-reference");
        add(new H2("Something went wrong"),
                new Paragraph("The page could not be shown and nothing was changed. Please try again in a moment."),
                reference, NotFoundView.homeLink());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        reference.setText("If it keeps happening, tell the clinic this reference: "
                + ErrorReference.logged(parameter.getCaughtException()));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
