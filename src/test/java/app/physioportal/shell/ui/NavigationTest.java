package app.physioportal.shell.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.admin.ui.AccountsView;
import app.physioportal.caseload.ui.CaseloadView;
import app.physioportal.today.ui.TodayView;
import app.physioportal.security.ui.LoginView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** Each role lands on its own home, sees only its own pages in the menu, and is kept out of the others'. */
@PortalTest
class NavigationTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    private List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    @WithAnonymousUser
    void anonymous_visitors_end_at_login_whatever_they_ask_for() {
        navigate("", LoginView.class);
        navigate("today", LoginView.class);
        navigate("caseload", LoginView.class);
        navigate("admin/accounts", LoginView.class);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_lands_on_today_and_sees_only_patient_pages() {
        navigate("", TodayView.class);
        assertThat(find(com.vaadin.flow.component.html.Div.class).id("demo-banner").getText())
                .as("the demo clinic says so on every page").contains("Demo clinic");
        assertThat(menu()).containsExactly("Today", "My plan", "Diary", "Progress", "Appointments", "Messages",
                "My helpers", "My account");
        assertThat(find(Span.class).id("signed-in-name").getText()).isEqualTo("Margaret Ellis");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_cannot_open_physio_or_admin_pages_and_each_refusal_is_audited() {
        int before = deniedPages(Demo.PATIENT1);
        navigate("caseload", NotFoundView.class);
        navigate("admin/accounts", NotFoundView.class);
        navigate("patients/1/plan", NotFoundView.class);
        navigate("schedule", NotFoundView.class);
        assertThat(deniedPages(Demo.PATIENT1)).isEqualTo(before + 4);
    }

    private int deniedPages(String email) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ? and action = 'ACCESS_DENIED' "
                + "and detail like 'page /%'", Integer.class, email);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_lands_on_the_caseload_and_cannot_open_admin_or_patient_pages() {
        navigate("", CaseloadView.class);
        assertThat(menu()).containsExactly("Caseload", "Schedule", "Messages", "My account");
        navigate("admin/accounts", NotFoundView.class);
        navigate("today", NotFoundView.class);
        navigate("plan/history", NotFoundView.class);
        navigate("appointments", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void a_helper_lands_on_the_helped_persons_today_and_sees_their_pages_without_messages() {
        navigate("", TodayView.class);
        assertThat(menu()).containsExactly("Today", "My plan", "Diary", "Progress", "Appointments", "People I help",
                "My account");
        navigate("messages", NotFoundView.class);
        navigate("caseload", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_lands_on_accounts_and_cannot_open_clinical_pages() {
        navigate("", AccountsView.class);
        assertThat(menu()).containsExactly("Accounts", "Audit trail", "Email outbox", "My account");
        int before = deniedPages(Demo.ADMIN);
        navigate("caseload", NotFoundView.class);
        navigate("today", NotFoundView.class);
        assertThat(deniedPages(Demo.ADMIN)).isEqualTo(before + 2);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void an_unknown_address_shows_the_friendly_not_found_page() {
        navigate("no/such/page", NotFoundView.class);
    }
}
