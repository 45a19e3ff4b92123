package app.physioportal.caseload.ui;

import app.physioportal.base.ui.ComingSoon;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.plan.ui.PlanEditorView;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AssignedPatient;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The physio's home: the patients assigned to them. */
@Route("caseload")
@PageTitle("Caseload · Physio Portal")
@Menu(title = "Caseload", order = 0, icon = "vaadin:users")
@RolesAllowed(Role.PHYSIO_ROLE)
public class CaseloadView extends Main {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy");

    public CaseloadView(AccountService accounts) {
        addClassName("page");
        setId("caseload-view");
        List<AssignedPatient> patients = accounts.myPatients();
        add(new ViewHeader("Your caseload", patients.size() == 1 ? "1 patient assigned to you"
                : patients.size() + " patients assigned to you"));

        Div list = new Div();
        list.addClassName("card-list");
        list.setId("caseload-list");
        if (patients.isEmpty()) {
            list.add(new Paragraph("No patients are assigned to you yet. The clinic admin assigns patients."));
        }
        for (AssignedPatient patient : patients) {
            Span name = new Span(patient.displayName());
            name.addClassName("card-title");
            Span detail = new Span(patient.email() + " · with you since " + DATE.format(patient.assignedSince()));
            detail.addClassName("card-detail");
            RouterLink plan = new RouterLink("Exercise plan", PlanEditorView.class,
                    new RouteParameters("patientId", String.valueOf(patient.id())));
            plan.setId("plan-link-" + patient.id());
            plan.addClassName("card-link");
            Div card = new Div(name, detail, plan);
            card.addClassName("card");
            list.add(card);
        }
        add(list);
        add(new ComingSoon("Who needs attention first",
                "Last diary entry, cramps per night against baseline, adherence and next appointment for each "
                        + "patient arrive with the diary, plan and progress features."));
    }
}
