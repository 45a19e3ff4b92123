package app.physioportal.admin.ui;

import app.physioportal.audit.AuditService;
import app.physioportal.audit.AuditService.AuditEntry;
import app.physioportal.audit.AuditService.AuditQuery;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The clinic admin searches who did what to whose records, and when. */
@Route("admin/audit")
@PageTitle("Audit trail · Physio Portal")
@Menu(title = "Audit trail", order = 5, icon = "vaadin:records")
@RolesAllowed(Role.ADMIN_ROLE)
public class AuditTrailView extends Main {

    static final int LIMIT = 500;

    private final AuditService audit;
    private final ZoneId zone;
    private final Map<Long, String> names;
    private final TextField actor = new TextField("Who (email contains)");
    private final ComboBox<AccountSummary> patient = new ComboBox<>("Patient");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final ViewHeader header = new ViewHeader("Audit trail", null);

    public AuditTrailView(AuditService audit, AccountService accounts, Clinic clinic) {
        this.audit = audit;
        this.zone = clinic.zone();
        addClassName("page");
        setId("audit-view");
        List<AccountSummary> all = accounts.listAccounts();
        names = all.stream().collect(Collectors.toMap(AccountSummary::id, AccountSummary::displayName));

        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        patient.setId("audit-patient");
        patient.setItems(all.stream().filter(a -> a.role() == Role.PATIENT).toList());
        patient.setItemLabelGenerator(a -> a.displayName() + " (" + a.email() + ")");
        patient.setClearButtonVisible(true);
        from.setId("audit-from");
        to.setId("audit-to");
        from.setValue(clinic.today().minusDays(7));
        Button search = new Button("Search", VaadinIcon.SEARCH.create(), e -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div filters = new Div(actor, patient, from, to, search);
        filters.addClassName("toolbar");
        filters.addClassName("align-end");

        grid.setId("audit-grid");
        grid.addColumn(e -> clinic.stamp(e.occurredAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> e.action().name().replace('_', ' ').toLowerCase()).setHeader("What").setAutoWidth(true);
        grid.addColumn(e -> e.patientId() == null ? "" : names.getOrDefault(e.patientId(), "#" + e.patientId()))
                .setHeader("Patient").setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("60vh");

        add(header, filters, grid);
        search();
    }

    private void search() {
        var query = new AuditQuery(actor.getValue(), patient.getValue() == null ? null : patient.getValue().id(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant());
        List<AuditEntry> found = audit.search(query, LIMIT);
        grid.setItems(found);
        header.setSubtitle(found.size() >= LIMIT ? "Showing the newest " + LIMIT + " events; narrow the search to see older ones."
                : found.size() + " events, newest first. Times in " + zone.getId() + ".");
    }
}
