package app.physioportal.caseload.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class CaseloadViewTest extends SpringBrowserlessTest {

    private java.util.List<String> names() {
        Div list = find(Div.class).id("caseload-list");
        return find(Span.class, list).withClassName("card-title").all().stream().map(Span::getText).toList();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void physio1_sees_exactly_their_four_patients() {
        navigate(CaseloadView.class);
        assertThat(names()).containsSubsequence("David Chen", "Linda Park", "Margaret Ellis", "Robert Hughes")
                .doesNotContain("George Adeyemi", "Susan Clarke");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void physio2_sees_none_of_physio1s_patients() {
        navigate(CaseloadView.class);
        assertThat(names()).contains("George Adeyemi", "Susan Clarke")
                .doesNotContain("Margaret Ellis", "David Chen", "Robert Hughes", "Linda Park");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void each_patient_card_links_to_their_plan_editor() {
        navigate(CaseloadView.class);
        Div list = find(Div.class).id("caseload-list");
        assertThat(find(com.vaadin.flow.router.RouterLink.class, list).all())
                .hasSize(4)
                .allSatisfy(link -> assertThat(link.getHref()).matches("patients/\\d+/plan"));
    }
}
