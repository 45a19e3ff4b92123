package app.physioportal.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService.AuditEntry;
import app.physioportal.shell.ui.NotFoundView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class AuditTrailViewTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(Demo.ADMIN)
    @SuppressWarnings("unchecked")
    void the_admin_searches_the_trail_by_who() {
        navigate(AuditTrailView.class);
        test(find(TextField.class).id("audit-actor")).setValue("system:demo");
        test(find(Button.class).id("audit-search")).click();

        Grid<AuditEntry> grid = find(Grid.class).id("audit-grid");
        var entries = grid.getGenericDataView().getItems().toList();
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.actor()).isEqualTo("system:demo-data"));
        assertThat(entries).extracting(AuditEntry::action).contains(AuditAction.ACCOUNT_CREATED);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'AUDIT_SEARCHED' "
                + "and detail like 'actor ''system:demo''%'", Integer.class, Demo.ADMIN))
                .as("the search itself is audited").isPositive();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void nobody_but_an_admin_opens_it() {
        navigate("admin/audit", NotFoundView.class);
    }
}
