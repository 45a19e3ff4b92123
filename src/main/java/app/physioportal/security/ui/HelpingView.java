package app.physioportal.security.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.security.ActingFor;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * A helper's list of the people they help, to switch between them; the only page of a helper whom nobody asks to
 * help any more.
 */
@Route("helping")
@PageTitle("People I help · Physio Portal")
@Menu(title = "People I help", order = 10, icon = "vaadin:users")
@RolesAllowed(Role.HELPER_ROLE)
public class HelpingView extends Main {

    public HelpingView(ActingFor actingFor) {
        addClassName("page");
        setId("helping-view");
        List<ActingFor.Subject> people = actingFor.choices();
        long current = actingFor.subject().map(ActingFor.Subject::patientId).orElse(-1L);
        add(new ViewHeader("People I help", people.isEmpty() ? null
                : "You see the plan, diary and progress of the person chosen here."));
        if (people.isEmpty()) {
            Paragraph none = new Paragraph("Nobody has asked you to help on Physio Portal at the moment. When a "
                    + "patient of the clinic invites you, their name appears here.");
            none.setId("nobody-to-help");
            none.addClassName("card");
            add(none);
            return;
        }
        Div list = new Div();
        list.addClassName("card-list");
        list.setId("helped-list");
        for (ActingFor.Subject person : people) {
            Span name = new Span(person.name());
            name.addClassName("card-title");
            Span may = new Span(person.mayRecord() ? "You may see and record" : "You may see (view only)");
            may.addClassName("card-detail");
            Div card = new Div(name, may);
            card.addClassName("card");
            card.setId("helped-" + person.patientId());
            if (person.patientId() == current) {
                Span chosen = new Span("Showing now");
                chosen.addClassName("done-label");
                card.add(chosen);
            } else {
                Button show = new Button("Show " + person.name(), e -> {
                    actingFor.choose(person.patientId());
                    // A full load, so the top bar says whom the pages show now.
                    getUI().ifPresent(ui -> ui.getPage().setLocation("today"));
                });
                show.setId("switch-to-" + person.patientId());
                show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(show);
            }
            list.add(card);
        }
        add(list);
    }
}
