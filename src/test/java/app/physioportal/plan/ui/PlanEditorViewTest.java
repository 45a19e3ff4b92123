package app.physioportal.plan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.shell.ui.AccessDeniedView;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class PlanEditorViewTest extends SpringBrowserlessTest {

    @Autowired
    PlanService plans;

    @Autowired
    ExerciseService exercises;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    DemoIds ids;

    @Autowired
    app.physioportal.messages.MessageService messages;

    @BeforeEach
    void physioExists() {
        fixtures.ensurePhysio();
    }

    private long openEditorForNewPatient() {
        long patient = fixtures.newPatient().id();
        navigate("patients/" + patient + "/plan", PlanEditorView.class);
        return patient;
    }

    private List<String> diffLines() {
        return find(ListItem.class, find(UnorderedList.class).id("plan-diff-lines")).all().stream()
                .map(ListItem::getText).toList();
    }

    private void save(String reason) {
        test(find(TextArea.class).id("reason")).setValue(reason);
        test(find(Button.class).id("save-plan")).click();
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void the_trial_template_becomes_version_one_with_a_reason() {
        long patient = openEditorForNewPatient();

        test(find(Button.class).id("use-template")).click();

        assertThat(find(Div.class).withClassName("editor-item").all()).hasSize(2);
        assertThat(diffLines()).contains(
                "Added Wall calf stretch: 3 x 10 s hold, 10 s rest, both legs, every night before bed",
                "Added Seated hamstring stretch: 3 x 10 s hold, 10 s rest, both legs, every night before bed");
        save("Start of the bedtime stretching programme");

        var plan = plans.currentPlan(patient).orElseThrow();
        assertThat(plan.number()).isEqualTo(1);
        assertThat(plan.items()).hasSize(2);
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_successful_save_clears_the_error_of_the_refused_one_before_it() {
        openEditorForNewPatient();
        test(find(Button.class).id("use-template")).click();
        test(find(Button.class).id("save-plan")).click();
        assertThat(openNotifications()).containsExactly("Check the highlighted fields. Nothing has been saved.");

        save("Start of the bedtime stretching programme");

        assertThat(openNotifications()).hasSize(1).allMatch(text -> text.startsWith("Saved version 1."));
    }

    private List<String> openNotifications() {
        return find(com.vaadin.flow.component.notification.Notification.class).all().stream()
                .filter(com.vaadin.flow.component.notification.Notification::isOpened)
                .map(n -> n.getElement().getProperty("text", "")).toList();
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void saving_without_a_reason_says_so_at_the_field_and_saves_nothing() {
        long patient = openEditorForNewPatient();
        test(find(Button.class).id("use-template")).click();

        test(find(Button.class).id("save-plan")).click();

        TextArea reason = find(TextArea.class).id("reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).contains("Give a reason");
        assertThat(plans.history(patient)).isEmpty();
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void re_dosing_shows_the_diff_before_saving_and_creates_version_two() {
        long patient = openEditorForNewPatient();
        long calf = exercises.byCode("wall-calf-stretch").id();
        test(find(Button.class).id("use-template")).click();
        save("Start");
        assertThat(plans.currentPlan(patient).orElseThrow().number()).isEqualTo(1);

        test(find(IntegerField.class).id("hold-" + calf)).setValue(20);
        assertThat(diffLines()).containsExactly("Wall calf stretch: hold 10 s → 20 s");
        save("Tolerating well: hold longer");

        var history = plans.history(patient);
        assertThat(history).hasSize(2);
        assertThat(history.getFirst().items().getFirst().dose().holdSeconds()).isEqualTo(20);
        assertThat(history.get(1).items().getFirst().dose().holdSeconds()).isEqualTo(10);
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void add_remove_and_reorder_items() {
        long patient = openEditorForNewPatient();
        long calf = exercises.byCode("wall-calf-stretch").id();
        long hamstring = exercises.byCode("seated-hamstring-stretch").id();
        ExerciseInfo bridge = exercises.byCode("glute-bridge");
        test(find(Button.class).id("use-template")).click();

        @SuppressWarnings("unchecked")
        ComboBox<ExerciseInfo> add = find(ComboBox.class).id("add-exercise");
        add.setValue(bridge);
        test(find(Button.class).id("add-item")).click();
        test(find(Button.class).id("remove-" + calf)).click();
        test(find(Button.class).id("up-" + bridge.id())).click();
        save("Add glute strength, calf stretch paused");

        assertThat(plans.currentPlan(patient).orElseThrow().items()).extracting(i -> i.exercise().id())
                .containsExactly(bridge.id(), hamstring);
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_dose_out_of_bounds_is_marked_at_the_field_and_nothing_is_saved() {
        long patient = openEditorForNewPatient();
        long calf = exercises.byCode("wall-calf-stretch").id();
        test(find(Button.class).id("use-template")).click();

        IntegerField sets = find(IntegerField.class).id("sets-" + calf);
        test(sets).setValue(11);
        save("More sets");

        assertThat(sets.isInvalid()).isTrue();
        assertThat(sets.getErrorMessage()).isEqualTo("Sets: 1 to 10");
        assertThat(plans.history(patient)).isEmpty();
    }

    @Test
    @WithUserDetails(Demo.PHYSIO2)
    void an_unassigned_patients_id_in_the_url_ends_on_the_access_denied_page_and_is_audited() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        int before = ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1);

        navigate("patients/" + patient1 + "/plan", AccessDeniedView.class);

        assertThat(ids.auditCountForPatient(Demo.PHYSIO2, "ACCESS_DENIED", patient1)).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails(value = PlanFixtures.PHYSIO, setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void a_change_made_from_a_patients_message_links_back_to_it_and_a_foreign_message_saves_nothing() {
        var patient = fixtures.newPatient();
        plans.createVersion(patient.id(), null, plans.trialTemplate(), "Start");
        long question = fixtures.as(patient.email(), () -> messages.send(patient.id(), "It aches", null));
        var other = fixtures.newPatient();
        long foreign = fixtures.as(other.email(), () -> messages.send(other.id(), "Mine", null));
        long calf = exercises.byCode("wall-calf-stretch").id();

        com.vaadin.flow.component.UI.getCurrent().navigate("patients/" + patient.id() + "/plan",
                com.vaadin.flow.router.QueryParameters.of("answers", String.valueOf(foreign)));
        test(find(IntegerField.class).id("hold-" + calf)).setValue(15);
        save("Shorter hold while it aches");
        assertThat(plans.history(patient.id())).hasSize(1);

        com.vaadin.flow.component.UI.getCurrent().navigate("patients/" + patient.id() + "/plan",
                com.vaadin.flow.router.QueryParameters.of("answers", String.valueOf(question)));
        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("plan-answers-message").getText())
                .startsWith("In answer to Ada's message");
        test(find(IntegerField.class).id("hold-" + calf)).setValue(15);
        save("Shorter hold while it aches");
        var current = plans.currentPlan(patient.id()).orElseThrow();
        assertThat(current.number()).isEqualTo(2);
        assertThat(current.answersMessageId()).isEqualTo(question);
        assertThat(find(com.vaadin.flow.component.html.Anchor.class).withClassName("version-answers").all())
                .isNotEmpty();
    }
}
