package app.physioportal.shell.ui;

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

    private final CurrentUser currentUser;

    public HomeView(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(switch (currentUser.require().role()) {
            case PATIENT -> PATIENT_HOME;
            case PHYSIO -> PHYSIO_HOME;
            case ADMIN -> ADMIN_HOME;
        });
    }
}
