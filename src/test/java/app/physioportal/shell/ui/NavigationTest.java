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
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** Each role lands on its own home, sees only its own pages in the menu, and is kept out of the others'. */
@PortalTest
class NavigationTest extends SpringBrowserlessTest {

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
        assertThat(menu()).containsExactly("Today", "My plan", "Diary", "Progress", "Appointments", "My account");
        assertThat(find(Span.class).id("signed-in-name").getText()).isEqualTo("Margaret Ellis");
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void a_patient_cannot_open_physio_or_admin_pages() {
        navigate("caseload", NotFoundView.class);
        navigate("admin/accounts", NotFoundView.class);
        navigate("patients/1/plan", NotFoundView.class);
        navigate("schedule", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void a_physio_lands_on_the_caseload_and_cannot_open_admin_or_patient_pages() {
        navigate("", CaseloadView.class);
        assertThat(menu()).containsExactly("Caseload", "Schedule", "My account");
        navigate("admin/accounts", NotFoundView.class);
        navigate("today", NotFoundView.class);
        navigate("plan/history", NotFoundView.class);
        navigate("appointments", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_admin_lands_on_accounts_and_cannot_open_clinical_pages() {
        navigate("", AccountsView.class);
        assertThat(menu()).containsExactly("Accounts", "Audit trail", "My account");
        navigate("caseload", NotFoundView.class);
        navigate("today", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void an_unknown_address_shows_the_friendly_not_found_page() {
        navigate("no/such/page", NotFoundView.class);
    }
}
