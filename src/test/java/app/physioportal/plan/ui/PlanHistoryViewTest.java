package app.physioportal.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class PlanHistoryViewTest extends SpringBrowserlessTest {

    @Test
    @WithUserDetails(Demo.PATIENT2)
    void the_patient_reads_each_version_with_its_reason_and_what_changed() {
        navigate(PlanHistoryView.class);

        String v2 = find(Div.class).id("version-2").getElement().getTextRecursively();
        assertThat(v2).contains("Current", "progressing: stretches easy, add strength", "Priya Shah",
                "Added Double-leg calf raises");
        String v1 = find(Div.class).id("version-1").getElement().getTextRecursively();
        assertThat(v1).contains("First plan: 2 exercises", "Wall calf stretch", "Seated hamstring stretch")
                .doesNotContain("Double-leg calf raises");
    }

    @Test
    @WithUserDetails(Demo.PATIENT6)
    void a_third_version_shows_the_re_dose() {
        navigate(PlanHistoryView.class);
        assertThat(find(Div.class).id("version-3").getElement().getTextRecursively())
                .contains("Wall calf stretch: hold 10 s → 20 s");
    }
}
