package app.physioportal.shell.ui;

import app.physioportal.base.DatabaseAway;
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
import org.slf4j.LoggerFactory;

/**
 * Any other failure while opening a page: a plain apology and a reference, never a stack trace. When the database
 * cannot be reached, it says so instead, with HTTP 503, and offers no reference: there is nothing to look up.
 */
@PageTitle("Something went wrong · Physio Portal")
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class InternalErrorView extends Main implements HasErrorParameter<Exception> {

    private final H2 heading = new H2("Something went wrong");
    private final Paragraph text = new Paragraph(
            "The page could not be shown and nothing was changed. Please try again in a moment.");
    private final Paragraph reference = new Paragraph();

    public InternalErrorView() {
        addClassName("error-view");
        setId("internal-error");
        reference.setId("error-reference");
        add(heading, text, reference, NotFoundView.homeLink());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (DatabaseAway.causedBy(parameter.getCaughtException())) {
            // The database is restarting or out of reach: a passing state, not a fault to report. 503 says so.
            DatabaseAway.seen();
            setId("database-away-page");
            heading.setText("Not reachable just now");
            text.setText(DatabaseAway.PAGE_MESSAGE);
            reference.setVisible(false);
            LoggerFactory.getLogger(InternalErrorView.class).warn("A page could not be shown, the database is not "
                    + "reachable: {}", parameter.getCaughtException().toString());
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        reference.setText("If it keeps happening, tell the clinic this reference: "
                + ErrorReference.logged(parameter.getCaughtException()));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
