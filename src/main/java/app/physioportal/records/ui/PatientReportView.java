package app.physioportal.records.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.records.ProgressReportService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Role;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The patient's own progress report, outside the main layout so that only the report prints. Helpers have no
 * route here: the report carries clinical notes, which a helper never sees.
 */
@Route(value = "report", autoLayout = false)
@PageTitle("Progress report · Physio Portal")
@RolesAllowed(Role.PATIENT_ROLE)
public class PatientReportView extends ReportPage {

    public PatientReportView(CurrentUser currentUser, ProgressReportService reports, Clinic clinic) {
        super(reports, clinic);
        open(currentUser.require().id(), "progress", "Back to my progress");
    }
}
