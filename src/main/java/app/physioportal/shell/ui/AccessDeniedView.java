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
import org.springframework.security.access.AccessDeniedException;

/** Shown when a service refuses access to a record: says so plainly, shows nothing of the record. */
@PageTitle("No access · Physio Portal")
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        addClassName("error-view");
        setId("access-denied");
        add(new H2("You don't have access to this"),
                new Paragraph("These records belong to someone else, or you are not their physio. "
                        + "The attempt has been recorded. If you think this is a mistake, speak to the clinic."),
                NotFoundView.homeLink());
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
