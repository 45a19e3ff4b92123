package app.physioportal.caseload.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.caseload.CaseloadService.CaseloadRow;
import app.physioportal.caseload.CaseloadService.Trend;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.security.Role;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The physio's home: their patients, the ones needing attention first.
 *
 * <p>The cards are drawn in the browser from a Lit template (a virtual list): the server keeps the caseload's rows
 * and sends each card's few fields once, as data, instead of holding some thirty components per patient in every
 * session's state tree (issue 18: 1,005 KB per session for a caseload of 50 before). The list renders the cards
 * that are on screen; the page's header and filter stay put while it scrolls.
 */
@Route("caseload")
@PageTitle("Caseload · Physio Portal")
@Menu(title = "Caseload", order = 0, icon = "vaadin:users")
@RolesAllowed(Role.PHYSIO_ROLE)
public class CaseloadView extends Main {

    /**
     * One card. Every value is interpolated by Lit as text or as an attribute value, never as markup, so a
     * patient's name cannot inject anything. Links carry {@code router-link}: Vaadin navigates without a reload.
     */
    static final String CARD = """
            <div class="card caseload-card ${item.attention ? 'needs-attention' : ''}" id="caseload-row-${item.id}">
              <div class="card-head">
                <a class="card-title" id="patient-link-${item.id}" href="patients/${item.id}" router-link>${item.name}</a>
                <a class="unread-badge" id="unread-${item.id}" href="patients/${item.id}?tab=messages" router-link
                   aria-label="${item.unreadLabel}" ?hidden=${!item.unread}>${item.unread} unread</a>
                <span class="trend trend-${item.trendClass}">${item.trend}</span>
              </div>
              <div class="facts">
                <div class="fact"><span class="fact-label">Last entry</span>
                  <span class="fact-value ${item.lastWarn ? 'warn' : ''}">${item.last}</span></div>
                <div class="fact"><span class="fact-label">Cramps / night</span>
                  <span class="fact-value ${item.crampsWarn ? 'warn' : ''}">${item.crampsTo
                    ? item.crampsFrom + ' → ' + item.crampsTo : item.cramps}</span></div>
                <div class="fact"><span class="fact-label">Exercises (2 wks)</span>
                  <span class="fact-value ${item.exercisesWarn ? 'warn' : ''}">${item.exercises}</span></div>
                <div class="fact"><span class="fact-label">Plan</span>
                  <span class="fact-value ${item.planWarn ? 'warn' : ''}">${item.plan}</span></div>
                <div class="fact"><span class="fact-label">Next visit</span>
                  <span class="fact-value">${item.visit}</span></div>
              </div>
              <span class="overdue-flag" id="overdue-${item.id}" ?hidden=${!item.overdue}>${item.overdue}</span>
            </div>""";

    private final CaseloadService caseload;
    private List<CaseloadRow> rows;
    private String filterText = "";
    private final VirtualList<CaseloadRow> list = new VirtualList<>();
    private final Paragraph empty = new Paragraph();
    private final LocalDate today;
    private final Clinic clinic;

    public CaseloadView(CaseloadService caseload, Clinic clinic, PatientService patients) {
        this.caseload = caseload;
        addClassName("page");
        addClassName("caseload-page");
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
        filter.setAriaLabel("Filter patients by name");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> show(e.getValue()));
        filter.setWidthFull();

        list.setId("caseload-list");
        list.addClassName("caseload-list");
        list.setRenderer(renderer());
        list.setItemAccessibleNameGenerator(CaseloadRow::name);
        empty.setId("caseload-empty");
        add(new InvitePatientForm(patients, clinic, this::reload), filter, empty, list);
        show("");
    }

    private LitRenderer<CaseloadRow> renderer() {
        return LitRenderer.<CaseloadRow>of(CARD)
                .withProperty("id", CaseloadRow::patientId)
                .withProperty("name", CaseloadRow::name)
                .withProperty("attention", row -> row.attention() >= 3)
                .withProperty("unread", CaseloadRow::unreadMessages)
                .withProperty("unreadLabel", row -> row.unreadMessages() + " unread "
                        + (row.unreadMessages() == 1 ? "message" : "messages") + " from " + row.name())
                .withProperty("trend", row -> trendLabel(row.trend()))
                .withProperty("trendClass", row -> trendClass(row.trend()))
                .withProperty("last", this::lastEntry)
                .withProperty("lastWarn", CaseloadRow::stale)
                // "2.2 → 2.1": the numbers as data, the arrow in the template (sent once with it). The items then
                // stay Latin-1 text, which Flow keeps as the UI's last answer at one byte a character, not two.
                .withProperty("cramps", CaseloadView::crampsInWords)
                .withProperty("crampsFrom", row -> change(row) ? format(row.baselinePerNight()) : "")
                .withProperty("crampsTo", row -> change(row) ? format(row.recentPerNight()) : "")
                .withProperty("crampsWarn", row -> row.trend() == Trend.WORSE)
                // A plan that starts today has nothing due in the last two weeks yet: not "no plan".
                .withProperty("exercises", row -> row.adherencePercent() != null ? row.adherencePercent() + "%"
                        : row.planVersion() == null ? "no plan" : "none due yet")
                .withProperty("exercisesWarn", row -> row.adherencePercent() != null && row.adherencePercent() < 50)
                .withProperty("plan", row -> row.planVersion() == null ? "none yet"
                        : "v" + row.planVersion() + " since " + clinic.dayMonth(row.planSince()))
                .withProperty("planWarn", row -> row.planVersion() == null)
                .withProperty("visit", row -> row.nextAppointment() == null ? "none booked"
                        : clinic.weekdayTime(row.nextAppointment()))
                .withProperty("overdue", row -> row.answerOverdue()
                        ? "Message unanswered since " + clinic.weekdayTime(row.waitingSince()) : "");
    }

    /** After inviting a patient: they are on the caseload now. */
    private void reload() {
        rows = caseload.myCaseload();
        show(filterText);
    }

    private void show(String filter) {
        filterText = filter == null ? "" : filter;
        String text = filterText.strip().toLowerCase(Locale.ROOT);
        List<CaseloadRow> shown = rows.stream().filter(r -> r.name().toLowerCase(Locale.ROOT).contains(text)).toList();
        if (rows.isEmpty()) {
            empty.setText("No patients are assigned to you yet. The clinic admin assigns patients, or invite one below.");
        } else if (shown.isEmpty()) {
            empty.setText("No patient matches \"" + filterText + "\".");
        }
        empty.setVisible(shown.isEmpty());
        list.setVisible(!shown.isEmpty());
        list.setItems(shown);
    }

    private String lastEntry(CaseloadRow row) {
        if (row.lastRecordedNight() == null) {
            return "nothing logged";
        }
        long nights = ChronoUnit.DAYS.between(row.lastRecordedNight(), today);
        String when = nights <= 1 ? "last night" : nights + " nights ago";
        return row.stale() ? when + " (stale)" : when;
    }

    /** Whether the card shows the change from the baseline to now. */
    private static boolean change(CaseloadRow row) {
        return row.trend() != Trend.BASELINE_ONLY && row.baselinePerNight() != null && row.recentPerNight() != null;
    }

    /** The cramps figure in words when there is no change to show; empty when the card shows baseline and now. */
    private static String crampsInWords(CaseloadRow row) {
        if (row.trend() == Trend.BASELINE_ONLY) {
            return row.baselinePerNight() == null ? "baseline in progress"
                    : format(row.baselinePerNight()) + " (baseline so far)";
        }
        if (row.recentPerNight() == null) {
            return "too few nights logged";
        }
        return row.baselinePerNight() == null ? format(row.recentPerNight()) + " now" : "";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String trendLabel(Trend trend) {
        return switch (trend) {
            case IMPROVING -> "Improving";
            case NO_CHANGE -> "No change";
            case WORSE -> "Worse";
            case BASELINE_ONLY -> "New: baseline";
            case NOT_ENOUGH_DATA -> "Too little data";
        };
    }

    static String trendClass(Trend trend) {
        return trend.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
