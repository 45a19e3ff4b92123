package app.physioportal.progress.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The patient's own progress: how the cramps and the exercises have gone, week by week. */
@Route("progress")
@PageTitle("Progress · Physio Portal")
@Menu(title = "Progress", order = 3, icon = "vaadin:chart")
@RolesAllowed({Role.PATIENT_ROLE, Role.HELPER_ROLE})
public class ProgressView extends Main {

    public ProgressView(ActingFor actingFor, ProgressService progress, Clinic clinic) {
        addClassName("page");
        setId("progress-view");
        ActingFor.Subject subject = actingFor.requireSubject();
        add(subject.isSelf() ? new ViewHeader("My progress", "Your diary and exercises, week by week.")
                : new ViewHeader(Clinic.firstName(subject.name()) + "'s progress", "The diary and exercises, week by week."));
        add(new ProgressPanel(subject.patientId(), progress, clinic));
        if (!subject.isSelf()) {
            return;
        }
        // By route name, like the messages link: the report (records module) builds on progress, not the reverse.
        Anchor report = new Anchor("report", "Progress report to print or save as PDF");
        report.setId("open-report");
        report.addClassName("button-link");
        add(report);
        // By route name: progress knows nothing of the messages module.
        LocalDate thisWeek = clinic.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Anchor thisOne = new Anchor("messages?about=week:" + thisWeek, "this week");
        thisOne.setId("ask-about-this-week");
        Anchor lastOne = new Anchor("messages?about=week:" + thisWeek.minusWeeks(1), "last week (from "
                + clinic.dayMonth(thisWeek.minusWeeks(1)) + ")");
        lastOne.setId("ask-about-last-week");
        Paragraph ask = new Paragraph(new Text("Questions about what you see? Ask your physio about "), thisOne,
                new Text(" or "), lastOne, new Text("."));
        ask.addClassNames("card", "ask-physio");
        add(ask);
    }
}
