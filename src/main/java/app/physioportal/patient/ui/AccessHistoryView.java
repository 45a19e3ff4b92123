package app.physioportal.patient.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.AccessHistory;
import app.physioportal.patient.AccessHistory.Access;
import app.physioportal.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;

/**
 * "Who has seen my record": each time someone at the clinic opened the patient's record, newest first, 25 at a
 * time. Reached from My account.
 */
@Route("account/access")
@PageTitle("Who has seen my record · Physio Portal")
@RolesAllowed("PATIENT")
public class AccessHistoryView extends Main {

    private final AccessHistory history;
    private final Clinic clinic;
    private final long patientId;
    private final Div list = new Div();
    private final Button older = new Button("Show older");
    private int page;

    public AccessHistoryView(AccessHistory history, CurrentUser currentUser, Clinic clinic) {
        this.history = history;
        this.clinic = clinic;
        this.patientId = currentUser.require().id();
        addClassName("page");
        setId("access-history-view");
        add(new ViewHeader("Who has seen my record", "Each time someone at the clinic opened your record, newest "
                + "first. Your physio sees it to look after you; anything else should not happen."));
        list.setId("access-list");
        list.addClassName("card-list");
        older.setId("access-older");
        older.addClickListener(e -> showPage(page + 1));
        Paragraph worried = new Paragraph("Something here you do not expect? Call the clinic: every opening is "
                + "recorded and can be looked into.");
        worried.addClassName("card-detail");
        Anchor back = new Anchor("account", "Back to My account");
        back.setId("access-back");
        add(list, older, worried, back);
        showPage(0);
    }

    private void showPage(int next) {
        List<Access> accesses = history.ofMyRecord(patientId, next);
        page = next;
        if (next == 0 && accesses.isEmpty()) {
            Paragraph none = new Paragraph("Nobody else has opened your record yet.");
            none.setId("access-none");
            list.add(none);
        }
        // The same person opening the same part again within ten minutes is one line, with how many times.
        Access shown = null;
        int times = 0;
        for (Access access : accesses) {
            if (shown != null && access.who().equals(shown.who()) && access.what().equals(shown.what())
                    && !access.when().isBefore(shown.when().minus(Duration.ofMinutes(10)))) {
                times++;
                continue;
            }
            if (shown != null) {
                list.add(card(shown, times));
            }
            shown = access;
            times = 1;
        }
        if (shown != null) {
            list.add(card(shown, times));
        }
        older.setVisible(accesses.size() == AccessHistory.PAGE_SIZE);
    }

    private Div card(Access access, int times) {
        Span when = new Span(clinic.weekdayYearTime(access.when()));
        when.addClassName("card-detail");
        Span who = new Span(access.who() + " (" + access.role() + ")");
        who.addClassName("card-title");
        Span what = new Span(access.what() + (times > 1 ? " (" + times + " times)" : ""));
        Div card = new Div(when, who, what);
        card.addClassName("card");
        card.addClassName("access-entry");
        if (access.refused()) {
            card.addClassName("access-refused");
        }
        return card;
    }
}
