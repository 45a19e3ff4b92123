package app.physioportal.records.ui;

import app.physioportal.base.ui.RouteIds;
import app.physioportal.clinic.Clinic;
import app.physioportal.records.ProgressReportService;
import app.physioportal.security.Role;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The progress report of one assigned patient, for the physio's letter to the GP; outside the main layout. */
@Route(value = "patients/:patientId/report", autoLayout = false)
@PageTitle("Progress report · Physio Portal")
@RolesAllowed(Role.PHYSIO_ROLE)
public class PhysioReportView extends ReportPage implements BeforeEnterObserver {

    public PhysioReportView(ProgressReportService reports, Clinic clinic) {
        super(reports, clinic);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long patientId = RouteIds.require(event, "patientId");
        // An unassigned patient: the service refuses (audited) and the access-denied page shows.
        open(patientId, "patients/" + patientId, "Back to the patient");
    }
}
