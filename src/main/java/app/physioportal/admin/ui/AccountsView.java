package app.physioportal.admin.ui;

import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.Role;
import app.physioportal.security.Helpers;
import app.physioportal.security.Invitations;
import app.physioportal.security.PasswordResets;
import app.physioportal.security.SecondFactorService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/** The clinic admin's home: every account, its role and, for patients, their physio; create and manage them. */
@Route("admin/accounts")
@PageTitle("Accounts · Physio Portal")
@Menu(title = "Accounts", order = 0, icon = "vaadin:user-card")
@RolesAllowed(Role.ADMIN_ROLE)
public class AccountsView extends Main {

    private static final int NARROW = 600;

    private final AccountService accounts;
    private final PatientService patients;
    private final SecondFactorService secondFactors;
    private final LinkServices links;
    private final Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
    private final TextField filter = new TextField();
    private final ViewHeader header = new ViewHeader("Accounts", null);
    private List<AccountSummary> all = List.of();

    public AccountsView(AccountService accounts, PatientService patients, SecondFactorService secondFactors,
            Invitations invitations, PasswordResets resets, Helpers helpers, Clinic clinic) {
        this.secondFactors = secondFactors;
        this.links = new LinkServices(invitations, resets, helpers, clinic);
        this.accounts = accounts;
        this.patients = patients;
        addClassName("page");
        setId("accounts-view");

        Button create = new Button("New account", VaadinIcon.PLUS.create(),
                e -> new NewAccountDialog(accounts, patients, clinic, this::refresh).open());
        create.setId("new-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        filter.setPlaceholder("Filter by name or email");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> applyFilter());
        filter.setId("account-filter");
        filter.addClassName("grow");

        Div toolbar = new Div(filter, create);
        toolbar.addClassName("toolbar");

        grid.setId("accounts-grid");
        grid.addComponentColumn(AccountsView::nameCell).setHeader("Account").setFlexGrow(3).setAutoWidth(false);
        var wideOnly = List.of(
                grid.addColumn(a -> label(a.role())).setHeader("Role").setFlexGrow(1).setSortable(true),
                grid.addColumn(a -> a.physioName() == null ? "" : a.physioName()).setHeader("Physio").setFlexGrow(1),
                grid.addColumn(AccountsView::status).setHeader("Status").setFlexGrow(1));
        // On a phone the account cell carries role, physio and status itself; the extra columns only crowd it.
        addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details ->
                    wideOnly.forEach(c -> c.setVisible(details.getWindowInnerWidth() >= NARROW)));
            page.addBrowserWindowResizeListener(resize ->
                    wideOnly.forEach(c -> c.setVisible(resize.getWidth() >= NARROW)));
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> new AccountDialog(accounts, patients, secondFactors, links, e.getItem(),
                this::refresh).open());

        add(header, toolbar, grid);
        refresh();
    }

    private static Div nameCell(AccountSummary account) {
        Span name = new Span(account.displayName());
        name.addClassName("card-title");
        Span email = new Span(account.email());
        email.addClassName("card-detail");
        Span summary = new Span(label(account.role())
                + (account.physioName() == null ? "" : " of " + account.physioName())
                + (status(account).equals("Active") ? "" : " · " + status(account).toLowerCase(Locale.ROOT)));
        summary.addClassName("card-detail");
        summary.addClassName("narrow-only");
        Div cell = new Div(name, email, summary);
        cell.addClassName("stacked-cell");
        return cell;
    }

    private void refresh() {
        all = accounts.listAccounts();
        applyFilter();
    }

    private void applyFilter() {
        String text = filter.getValue() == null ? "" : filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<AccountSummary> shown = text.isEmpty() ? all : all.stream()
                .filter(a -> a.displayName().toLowerCase(Locale.ROOT).contains(text) || a.email().contains(text))
                .toList();
        grid.setItems(shown);
        header.setSubtitle(shown.size() == all.size() ? all.size() + " accounts in this clinic. Tap one to manage it."
                : shown.size() + " of " + all.size() + " accounts");
    }

    /** Disabled, invited (no password chosen yet) or active. */
    static String status(AccountSummary account) {
        return !account.enabled() ? "Disabled" : account.invitationPending() ? "Invited" : "Active";
    }

    static String label(Role role) {
        return switch (role) {
            case PATIENT -> "Patient";
            case PHYSIO -> "Physio";
            case ADMIN -> "Admin";
            case HELPER -> "Helper";
        };
    }
}
