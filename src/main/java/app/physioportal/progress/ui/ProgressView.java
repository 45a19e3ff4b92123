package app.physioportal.progress.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The patient's own progress: how the cramps and the exercises have gone, week by week. */
@Route("progress")
@PageTitle("Progress · Physio Portal")
@Menu(title = "Progress", order = 3, icon = "vaadin:chart")
@RolesAllowed(Role.PATIENT_ROLE)
public class ProgressView extends Main {

    public ProgressView(CurrentUser currentUser, ProgressService progress, Clinic clinic) {
        addClassName("page");
        setId("progress-view");
        add(new ViewHeader("My progress", "Your diary and exercises, week by week."));
        add(new ProgressPanel(currentUser.require().id(), progress, clinic));
    }
}
