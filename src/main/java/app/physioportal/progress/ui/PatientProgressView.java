package app.physioportal.progress.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AssignedPatient;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import app.physioportal.base.ui.RouteIds;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/** The same progress page, for the physio looking at one assigned patient. */
@Route("patients/:patientId/progress")
@PageTitle("Patient progress · Physio Portal")
@RolesAllowed(Role.PHYSIO_ROLE)
public class PatientProgressView extends Main implements BeforeEnterObserver {

    private final ProgressService progress;
    private final AccountService accounts;

    public PatientProgressView(ProgressService progress, AccountService accounts) {
        this.progress = progress;
        this.accounts = accounts;
        addClassName("page");
        setId("patient-progress-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = RouteIds.get(event, "patientId");
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        ProgressPanel panel;
        try {
            panel = new ProgressPanel(id.get(), progress);
        } catch (AccessDeniedException refused) {
            event.rerouteToError(refused, refused.getMessage());
            return;
        }
        String name = accounts.myPatients().stream().filter(p -> p.id() == id.get()).findFirst()
                .map(AssignedPatient::displayName).orElse("Your patient");
        removeAll();
        add(new ViewHeader(name + ": progress", "Diary and exercises week by week, as the patient sees them."), panel);
    }
}
