package app.physioportal.plan.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** The patient's plan and how it has changed, with the physio's reasons. */
@Route("plan/history")
@PageTitle("My plan · Physio Portal")
@Menu(title = "My plan", order = 1, icon = "vaadin:clipboard-text")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class PlanHistoryView extends Main {

    public PlanHistoryView(ActingFor actingFor, PlanService plans, Clinic clinic) {
        addClassName("page");
        setId("plan-history-view");
        ActingFor.Subject subject = actingFor.requireSubject();
        List<PlanVersionView> history = plans.history(subject.patientId());
        String whose = subject.isSelf() ? "My plan" : Clinic.firstName(subject.name()) + "'s plan";
        add(new ViewHeader(whose, history.isEmpty() ? null
                : "Version " + history.getFirst().number() + (subject.isSelf() ? ", your physio's latest." : ", the "
                        + "physio's latest.") + " Earlier versions below."));
        if (history.isEmpty()) {
            Paragraph none = new Paragraph(subject.isSelf() ? "Your physio has not set up your exercise plan yet."
                    : Clinic.firstName(subject.name()) + "'s physio has not set up the exercise plan yet.");
            none.setId("no-plan");
            none.addClassName("card");
            add(none);
        } else {
            add(new PlanHistoryList(history, clinic, null, subject.isSelf()));
        }
    }
}
