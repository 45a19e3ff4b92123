package app.physioportal.records.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.notes.ClinicalNoteService;
import app.physioportal.notes.ClinicalNoteService.NewNote;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.progress.ui.ChartJs;
import app.physioportal.progress.ui.ProgressView;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import app.physioportal.shell.ui.AccessDeniedView;
import app.physioportal.shell.ui.NotFoundView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class ReportViewTest extends SpringBrowserlessTest {

    static final String EMPTY_DIARY = "report-empty-diary@example.org";
    /** A patient of the fixture physio with two notes: one shared with her, one for the clinic only. */
    static final String WITH_NOTES = "report-notes@example.org";

    @Autowired
    DemoIds ids;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    PatientService patients;

    @Autowired
    PlanFixtures plans;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClinicalNoteService notes;

    private Long idOf(String email) {
        return jdbc.query("select id from account where email = ?", rs -> rs.next() ? rs.getLong(1) : null, email);
    }

    @BeforeEach
    void fixturePatients() {
        long physio = plans.ensurePhysio();
        if (idOf(EMPTY_DIARY) == null) {
            systemTasks.runAs("test", Role.ADMIN, () -> patients.createPatient(
                    new NewAccount("Edna Empty", EMPTY_DIARY, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio,
                    LocalDate.of(1952, 5, 5), LocalDate.now().minusDays(3)));
        }
        if (idOf(WITH_NOTES) == null) {
            systemTasks.runAs("test", Role.ADMIN, () -> patients.createPatient(
                    new NewAccount("Nora Notes", WITH_NOTES, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio,
                    LocalDate.of(1958, 6, 6), LocalDate.now().minusDays(10)));
            long patient = idOf(WITH_NOTES);
            systemTasks.runAsAccount(PlanFixtures.PHYSIO, () -> {
                notes.addNote(patient, new NewNote("Calves tight on both sides; stretch nightly.", true, null));
                notes.addNote(patient, new NewNote("Ask the GP about the statin dose.", false, null));
            });
        }
    }

    /** Whether "No clinical notes included." shows (read from the tree: a query may pass over hidden components). */
    private boolean noneIncludedShown() {
        return find(Section.class).id("report-notes").getChildren()
                .filter(c -> c.getId().filter("report-notes-none"::equals).isPresent())
                .findFirst().orElseThrow().isVisible();
    }

    private String text(String id) {
        return find(Section.class).id(id).getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(Demo.PATIENT1)
    void the_patient_reaches_her_report_from_her_progress_page_and_it_shows_every_part() {
        navigate(ProgressView.class);
        Anchor link = find(Anchor.class).id("open-report");
        assertThat(link.getHref()).isEqualTo("report");
        navigate(link.getHref(), PatientReportView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Progress report: Margaret Ellis");
        assertThat(text("report-who")).contains("Physiotherapist", "Priya Shah", "Clinic", "Period");
        assertThat(find(NativeTable.class).id("report-figures-table").getElement().getTextRecursively())
                .contains("Cramps per night", "Mean severity (0-10)", "Share of nights woken by a cramp",
                        "Sleep disturbance (0-10)", "Baseline", "Now", "Change", "%");
        assertThat(find(ChartJs.class).id("report-cramps-chart").getOverlay()).contains("Plan v1");
        assertThat(find(ChartJs.class).id("report-adherence-chart").getConfiguration()).contains("Exercises done");
        assertThat(find(Paragraph.class).id("report-adherence-summary").getText()).contains("%");
        assertThat(text("report-stretching")).contains("bedtime stretch");
        assertThat(text("report-plan")).contains("Version 1, from", "Wall calf stretch", "every night before bed");
        assertThat(text("report-appointments")).contains("In clinic with Priya Shah");
        assertThat(find(Checkbox.class).all()).as("shared notes are in her report unless she leaves them out")
                .allMatch(Checkbox::getValue);
        assertThat(find(DatePicker.class).id("report-to").getValue()).isEqualTo(LocalDate.now());
        assertThat(find(Button.class).id("report-print").getText()).isEqualTo("Print or save as PDF");
        assertThat(find(Anchor.class).id("report-back").getHref()).isEqualTo("progress");
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void the_physio_opens_the_report_from_the_patient_page() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        navigate("patients/" + patient1, app.physioportal.caseload.ui.PatientView.class);
        assertThat(find(Anchor.class).id("open-report").getHref()).isEqualTo("patients/" + patient1 + "/report");
        assertThat(find(Anchor.class).id("download-fhir").getElement().getAttribute("download")).isNotNull();

        navigate("patients/" + patient1 + "/report", PhysioReportView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("Progress report: Margaret Ellis");
        assertThat(find(Anchor.class).id("report-back").getHref()).isEqualTo("patients/" + patient1);
        assertThat(text("report-who")).contains("by the physiotherapist");
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_physio_sees_every_note_and_chooses_which_to_print() {
        navigate("patients/" + idOf(WITH_NOTES) + "/report", PhysioReportView.class);
        var boxes = find(Checkbox.class).all();
        assertThat(boxes).hasSize(2).as("notes are for the clinic until the physio includes them")
                .noneMatch(Checkbox::getValue);
        assertThat(text("report-notes")).contains("Calves tight", "Ask the GP");
        assertThat(noneIncludedShown()).isTrue();
        Checkbox first = boxes.getFirst();
        String noteId = first.getId().orElseThrow().replace("include-note-", "");
        assertThat(find(Div.class).id("report-note-" + noteId).hasClassName("excluded")).isTrue();
        test(first).click();
        assertThat(find(Div.class).id("report-note-" + noteId).hasClassName("excluded")).isFalse();
        assertThat(noneIncludedShown()).isFalse();
    }

    @Test
    @WithUserDetails(value = WITH_NOTES, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_patient_sees_only_the_note_shared_with_her_included_from_the_start() {
        navigate(PatientReportView.class);
        assertThat(text("report-notes")).contains("Calves tight").doesNotContain("Ask the GP");
        assertThat(find(Checkbox.class).all()).hasSize(1).allMatch(Checkbox::getValue);
        assertThat(noneIncludedShown()).isFalse();
    }

    @Test
    @WithUserDetails(value = EMPTY_DIARY, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void an_empty_diary_gives_a_report_that_says_so_in_words_rather_than_empty_charts() {
        navigate(PatientReportView.class);
        assertThat(find(Paragraph.class).id("report-empty").getText())
                .startsWith("No nights were recorded in the diary from");
        assertThat(find(ChartJs.class).all()).isEmpty();
        assertThat(text("report-plan")).contains("No exercise plan");
        assertThat(text("report-appointments")).contains("No appointments attended");
    }

    @Test
    @WithUserDetails(Demo.HELPER)
    void a_helper_has_no_report_page() {
        navigate("report", NotFoundView.class);
        navigate("patients/" + ids.idOf(Demo.PATIENT1) + "/report", NotFoundView.class);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_physio_lands_on_access_denied_and_it_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1);
        navigate("patients/" + patient1 + "/report", AccessDeniedView.class);
        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1)).isGreaterThan(before);
    }
}
