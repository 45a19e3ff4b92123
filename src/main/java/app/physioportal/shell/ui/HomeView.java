package app.physioportal.shell.ui;

import app.physioportal.security.ActingFor;
import app.physioportal.security.CurrentUser;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The address everyone lands on after signing in: sends each role to its own home page. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    static final String PATIENT_HOME = "today";
    static final String PHYSIO_HOME = "caseload";
    static final String ADMIN_HOME = "admin/accounts";
    /** A helper whom nobody asks to help any more has only this page. */
    static final String NOBODY_TO_HELP = "helping";

    private final CurrentUser currentUser;
    private final ActingFor actingFor;

    public HomeView(CurrentUser currentUser, ActingFor actingFor) {
        this.currentUser = currentUser;
        this.actingFor = actingFor;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(switch (currentUser.require().role()) {
            case PATIENT -> PATIENT_HOME;
            case PHYSIO -> PHYSIO_HOME;
            case ADMIN -> ADMIN_HOME;
            case HELPER -> actingFor.subject().isPresent() ? PATIENT_HOME : NOBODY_TO_HELP;
        });
    }
}
