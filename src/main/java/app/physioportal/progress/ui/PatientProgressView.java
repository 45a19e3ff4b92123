package app.physioportal.progress.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import app.physioportal.base.ui.RouteIds;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The same progress page, for the physio looking at one assigned patient. */
@Route("patients/:patientId/progress")
@PageTitle("Patient progress · Physio Portal")
@RolesAllowed(Role.PHYSIO_ROLE)
public class PatientProgressView extends Main implements BeforeEnterObserver {

    private final ProgressService progress;
    private final PatientService patients;
    private final Clinic clinic;

    public PatientProgressView(ProgressService progress, PatientService patients, Clinic clinic) {
        this.clinic = clinic;
        this.progress = progress;
        this.patients = patients;
        addClassName("page");
        setId("patient-progress-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long patientId = RouteIds.require(event, "patientId");
        // A refusal propagates to the access-denied page; the service has audited it.
        ProgressPanel panel = new ProgressPanel(patientId, progress, clinic);
        String name = patients.patientProfile(patientId).displayName();
        removeAll();
        add(new ViewHeader(name + ": progress", "Diary and exercises week by week, as the patient sees them."), panel);
    }
}
