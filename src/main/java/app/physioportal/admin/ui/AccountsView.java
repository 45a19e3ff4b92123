package app.physioportal.admin.ui;

import app.physioportal.base.ui.ComingSoon;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.Role;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The clinic admin's home: every account, its role and, for patients, their physio. */
@Route("admin/accounts")
@PageTitle("Accounts · Physio Portal")
@Menu(title = "Accounts", order = 0, icon = "vaadin:user-card")
@RolesAllowed(Role.ADMIN_ROLE)
public class AccountsView extends Main {

    public AccountsView(AccountService accounts) {
        addClassName("page");
        setId("accounts-view");
        var all = accounts.listAccounts();
        add(new ViewHeader("Accounts", all.size() + " accounts in this clinic"));

        Grid<AccountSummary> grid = new Grid<>(AccountSummary.class, false);
        grid.setId("accounts-grid");
        grid.addColumn(AccountSummary::displayName).setHeader("Name").setFlexGrow(2).setSortable(true);
        grid.addColumn(AccountSummary::email).setHeader("Email").setFlexGrow(3).setSortable(true);
        grid.addColumn(a -> label(a.role())).setHeader("Role").setSortable(true);
        grid.addColumn(a -> a.physioName() == null ? "" : a.physioName()).setHeader("Physio");
        grid.addColumn(a -> a.enabled() ? "Active" : "Disabled").setHeader("Status");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(all);
        grid.setAllRowsVisible(true);
        add(grid);
        add(new ComingSoon("Manage accounts",
                "Creating accounts, disabling them, resetting passwords and reassigning patients arrive with the "
                        + "clinic admin feature."));
    }

    private static String label(Role role) {
        return switch (role) {
            case PATIENT -> "Patient";
            case PHYSIO -> "Physio";
            case ADMIN -> "Admin";
        };
    }
}
