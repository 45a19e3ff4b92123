package app.physioportal.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.shell.ui.AccessDeniedView;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.progress.ProgressRange;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ProgressViewTest extends SpringBrowserlessTest {

    static final String EMPTY_DIARY = "progress-empty-diary@example.org";

    @Autowired
    DemoIds ids;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    app.physioportal.progress.ProgressService progressService;

    @Autowired
    AccountService accounts;

    @Autowired
    app.physioportal.patient.PatientService patients;

    @Autowired
    PlanFixtures plans;

    @Autowired
    JdbcTemplate jdbc;

    /** The weeks the 12-week range shows her: other tests may add nights to her diary long before the demo story. */
    private int twelveWeeksOfMargaret() {
        int[] weeks = new int[1];
        systemTasks.runAsAccount(Demo.PATIENT1, () -> weeks[0] = progressService.report(ids.idOf(Demo.PATIENT1),
                ProgressRange.TWELVE_WEEKS).weeks().size());
        assertThat(weeks[0]).isBetween(10, 12);
        return weeks[0];
    }

    private int labelCount(String chartId) throws Exception {
        String json = find(ChartJs.class).id(chartId).getConfiguration();
        return new ObjectMapper().readTree(json).path("data").path("labels").size();
    }

    private String text(String id) {
        return find(Paragraph.class).id(id).getText();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void the_patient_sees_twelve_weeks_of_charts_each_with_a_summary() throws Exception {
        ProgressView view = navigate(ProgressView.class);
        assertThat(labelCount("cramps-chart")).as("12 weeks, or fewer if Margaret began later")
                .isEqualTo(twelveWeeksOfMargaret());
        assertThat(find(ChartJs.class).id("cramps-chart").getOverlay()).contains("Plan v1");
        // The JSON is sent to the chart when it is attached, not kept in the session's state tree (issue 18).
        ChartJs chart = find(ChartJs.class).id("cramps-chart");
        assertThat(chart.getElement().getPropertyNames()).doesNotContain("config", "overlay");
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anySatisfy(call -> assertThat(call.getInvocation().getExpression()).contains("this.config = $0"));
        assertThat(text("cramps-summary")).contains("nights recorded", "cramps a night", "Plan version 1 started");
        assertThat(text("intensity-summary")).contains("Mean intensity", "of 10");
        assertThat(text("adherence-summary")).contains("Exercises done");
        assertThat(text("locations-summary")).contains("Calf");
        assertThat(text("triggers-summary")).startsWith("Suspected triggers noted");
        assertThat(find(Div.class).id("baseline-card").getElement().getTextRecursively())
                .contains("First two recorded weeks", "Latest two recorded weeks", "recorded nights", "fewer", "%");
        assertThat(find(Div.class).id("stretching-card").getElement().getTextRecursively())
                .contains("bedtime stretch", "recorded nights");
        assertThat(view).isNotNull();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void switching_the_range_redraws_the_charts_for_that_period() throws Exception {
        navigate(ProgressView.class);
        test(find(Button.class).id("range-four-weeks")).click();
        assertThat(labelCount("cramps-chart")).isEqualTo(4);
        assertThat(labelCount("intensity-chart")).isEqualTo(4);
        assertThat(find(Button.class).id("range-four-weeks").getElement().getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(find(ProgressPanel.class).single().report().range()).isEqualTo(ProgressRange.FOUR_WEEKS);

        test(find(Button.class).id("range-all")).click();
        assertThat(labelCount("cramps-chart")).as("demo patient1 has 10 weeks of history").isBetween(10, 12);
    }

    @Test
    @WithUserDetails(value = EMPTY_DIARY, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_empty_diary_gets_a_friendly_prompt_instead_of_empty_charts() {
        navigate(ProgressView.class);
        assertThat(text("progress-empty")).contains("Log a few nights to see your progress");
        assertThat(find(ChartJs.class).all()).isEmpty();
        assertThat(find(Div.class).id("baseline-card").getElement().getTextRecursively())
                .contains("appears once 4 weeks");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_physio_sees_the_same_page_for_an_assigned_patient() throws Exception {
        long patient1 = ids.idOf(Demo.PATIENT1);
        navigate("patients/" + patient1 + "/progress", PatientProgressView.class);
        assertThat(find(PatientProgressView.class).single().getElement().getTextRecursively())
                .contains("Margaret Ellis: progress");
        assertThat(labelCount("cramps-chart")).isEqualTo(twelveWeeksOfMargaret());
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_stretching_comparison_is_worded_as_an_observation_once_both_groups_are_large_enough() {
        navigate("patients/" + ids.idOf(Demo.PATIENT2) + "/progress", PatientProgressView.class);
        assertThat(text("stretching-result")).contains("recorded nights with the bedtime stretch done",
                "recorded nights without it", "cramps a night");
        assertThat(find(Div.class).id("stretching-card").getElement().getTextRecursively())
                .contains("an observation from the diary, not a diagnosis");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_lands_on_access_denied_and_it_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1);
        navigate("patients/" + patient1 + "/progress", AccessDeniedView.class);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1)).isEqualTo(before + 1);
    }

    @BeforeEach
    void anEmptyDiaryPatient() {
        Long existing = jdbc.query("select id from account where email = ?", rs -> rs.next() ? rs.getLong(1) : null,
                EMPTY_DIARY);
        if (existing == null) {
            long physio = plans.ensurePhysio();
            systemTasks.runAs("test", Role.ADMIN, () -> patients.createPatient(
                    new NewAccount("Ella Empty", EMPTY_DIARY, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio,
                    LocalDate.of(1950, 1, 1), LocalDate.now().minusDays(3)));
        }
    }
}
