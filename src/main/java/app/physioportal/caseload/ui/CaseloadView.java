package app.physioportal.caseload.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.caseload.CaseloadService.Trend;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The physio's home: their patients, the ones needing attention first. */
@Route("caseload")
@PageTitle("Caseload · Physio Portal")
@Menu(title = "Caseload", order = 0, icon = "vaadin:users")
@RolesAllowed(Role.PHYSIO_ROLE)
public class CaseloadView extends Main {


    private final CaseloadService caseload;
    private List<CaseloadRow> rows;
    private String filterText = "";
    private final Div list = new Div();
    private final LocalDate today;
    private final Clinic clinic;

    public CaseloadView(CaseloadService caseload, Clinic clinic, PatientService patients) {
        this.caseload = caseload;
        addClassName("page");
        setId("caseload-view");
        this.clinic = clinic;
        today = clinic.today();
        rows = caseload.myCaseload();
        long needing = rows.stream().filter(r -> r.attention() >= 3).count();
        add(new ViewHeader("Your caseload", rows.size() + (rows.size() == 1 ? " patient" : " patients")
                + (needing > 0 ? " · " + needing + " may need your attention (listed first)" : "")));

        TextField filter = new TextField();
        filter.setId("caseload-filter");
        filter.setPlaceholder("Filter by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show(e.getValue()));
        filter.setWidthFull();

        list.addClassName("card-list");
        list.setId("caseload-list");
        add(new InvitePatientForm(patients, clinic, this::reload), filter, list);
        show("");
    }

    /** After inviting a patient: they are on the caseload now. */
    private void reload() {
        rows = caseload.myCaseload();
        show(filterText);
    }

    private void show(String filter) {
        filterText = filter;
        list.removeAll();
        String text = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
        var shown = rows.stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(text)).toList();
        if (rows.isEmpty()) {
            list.add(new Paragraph("No patients are assigned to you yet. The clinic admin assigns patients, or invite "
                    + "one below."));
        } else if (shown.isEmpty()) {
            list.add(new Paragraph("No patient matches \"" + filter + "\"."));
        }
        shown.forEach(row -> list.add(card(row)));
    }

    private Div card(CaseloadRow row) {
        RouterLink name = new RouterLink(row.name(), PatientView.class,
                new RouteParameters("patientId", String.valueOf(row.patientId())));
        name.addClassName("card-title");
        name.setId("patient-link-" + row.patientId());
        Div head = new Div(name, trendBadge(row.trend()));
        head.addClassName("card-head");
        if (row.unreadMessages() > 0) {
            RouterLink unread = new RouterLink(row.unreadMessages() + " unread", PatientView.class,
                    new RouteParameters("patientId", String.valueOf(row.patientId())));
            unread.setQueryParameters(QueryParameters.of("tab", "messages"));
            unread.addClassName("unread-badge");
            unread.setId("unread-" + row.patientId());
            unread.getElement().setAttribute("aria-label", row.unreadMessages() + " unread "
                    + (row.unreadMessages() == 1 ? "message" : "messages") + " from " + row.name());
            // Beside the name, where the eye starts; the trend badge stays on the right.
            head.addComponentAtIndex(1, unread);
        }

        Div facts = new Div(
                fact("Last entry", lastEntry(row), row.stale()),
                fact("Cramps / night", cramps(row), row.trend() == Trend.WORSE),
                fact("Exercises (2 wks)", row.adherencePercent() == null ? "no plan" : row.adherencePercent() + "%",
                        row.adherencePercent() != null && row.adherencePercent() < 50),
                fact("Plan", row.planVersion() == null ? "none yet"
                        : "v" + row.planVersion() + " since " + clinic.dayMonth(row.planSince()), row.planVersion() == null),
                fact("Next visit", row.nextAppointment() == null ? "none booked"
                        : clinic.weekdayTime(row.nextAppointment()), false));
        facts.addClassName("facts");
        Div card = new Div(head, facts);
        if (row.answerOverdue()) {
            Span overdue = new Span("Message unanswered since " + clinic.weekdayTime(row.waitingSince()));
            overdue.addClassName("overdue-flag");
            overdue.setId("overdue-" + row.patientId());
            card.add(overdue);
        }
        card.addClassName("card");
        card.addClassName("caseload-card");
        if (row.attention() >= 3) {
            card.addClassName("needs-attention");
        }
        card.setId("caseload-row-" + row.patientId());
        return card;
    }

    private String lastEntry(CaseloadRow row) {
        if (row.lastRecordedNight() == null) {
            return "nothing logged";
        }
        long nights = ChronoUnit.DAYS.between(row.lastRecordedNight(), today);
        String when = nights <= 1 ? "last night" : nights + " nights ago";
        return row.stale() ? when + " (stale)" : when;
    }

    private static String cramps(CaseloadRow row) {
        if (row.trend() == Trend.BASELINE_ONLY) {
            return row.baselinePerNight() == null ? "baseline in progress"
                    : format(row.baselinePerNight()) + " (baseline so far)";
        }
        if (row.baselinePerNight() == null || row.recentPerNight() == null) {
            return row.recentPerNight() == null ? "too few nights logged" : format(row.recentPerNight()) + " now";
        }
        return format(row.baselinePerNight()) + " → " + format(row.recentPerNight());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static Div fact(String label, String value, boolean warn) {
        Span l = new Span(label);
        l.addClassName("fact-label");
        Span v = new Span(value);
        v.addClassName("fact-value");
        if (warn) {
            v.addClassName("warn");
        }
        Div fact = new Div(l, v);
        fact.addClassName("fact");
        return fact;
    }

    static Span trendBadge(Trend trend) {
        Span badge = new Span(switch (trend) {
            case IMPROVING -> "Improving";
            case NO_CHANGE -> "No change";
            case WORSE -> "Worse";
            case BASELINE_ONLY -> "New: baseline";
            case NOT_ENOUGH_DATA -> "Too little data";
        });
        badge.addClassName("trend");
        badge.addClassName("trend-" + trend.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return badge;
    }
}
