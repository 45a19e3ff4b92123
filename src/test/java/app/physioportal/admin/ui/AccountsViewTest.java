package app.physioportal.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.security.AccountService.AccountSummary;
import app.physioportal.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class AccountsViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(Demo.ADMIN)
    @SuppressWarnings("unchecked")
    void lists_every_demo_account_with_each_patients_physio() {
        navigate(AccountsView.class);
        Grid<AccountSummary> grid = find(Grid.class).id("accounts-grid");
        var rows = grid.getGenericDataView().getItems().toList();

        assertThat(rows).extracting(AccountSummary::email)
                .contains(Demo.ADMIN, Demo.PHYSIO1, Demo.PHYSIO2, "patient1@example.org", "patient6@example.org");
        AccountSummary patient1 = rows.stream().filter(r -> r.email().equals("patient1@example.org")).findFirst()
                .orElseThrow();
        assertThat(patient1.role()).isEqualTo(Role.PATIENT);
        assertThat(patient1.physioName()).isEqualTo("Priya Shah");
        assertThat(test(grid).size()).isEqualTo(rows.size());
    }
}
