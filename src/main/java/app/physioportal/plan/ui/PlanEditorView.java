package app.physioportal.plan.ui;

import app.physioportal.base.ui.TextLimit;
import app.physioportal.base.ui.ViewHeader;
import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.exercise.ui.ExerciseIcon;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanChangedException;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.ItemDraft;
import app.physioportal.plan.PlanVersionView;
import app.physioportal.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.ValueProvider;
import app.physioportal.base.ui.RouteIds;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * The physio's plan editor for one assigned patient: start from the trial template, add, remove,
 * reorder and re-dose items, see what changes against the current version, save with a reason.
 */
@Route("patients/:patientId/plan")
@PageTitle("Plan editor · Physio Portal")
@RolesAllowed(Role.PHYSIO_ROLE)
@NamedInterface("panels")
public class PlanEditorView extends Main implements BeforeEnterObserver {

    private final PlanService plans;
    private final ExerciseService exercises;
    private final PatientService patients;

    private long patientId;
    private String patientName;
    private Integer basedOnVersion;
    private Long answersMessageId;
    private List<ItemDraft> previous = List.of();
    private Map<Long, ExerciseInfo> library;
    private final List<Row> rows = new ArrayList<>();
    private Notification lastError;
    private final Clinic clinic;

    private final Div header = new Div();
    private final Div itemList = new Div();
    private final Div diff = new Div();
    private final Div historyArea = new Div();
    private final ComboBox<ExerciseInfo> addExercise = new ComboBox<>("Add an exercise");
    private final TextArea reason = new TextArea("Reason for the change (the patient sees it)");
    private final Button save = new Button("Save");

    public PlanEditorView(PlanService plans, ExerciseService exercises, PatientService patients, Clinic clinic) {
        this.clinic = clinic;
        this.plans = plans;
        this.exercises = exercises;
        this.patients = patients;
        addClassName("page");
        setId("plan-editor");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        patientId = RouteIds.require(event, "patientId");
        // From a message ("Change the plan in answer"): the new version links back to it. Checked when saving.
        answersMessageId = event.getLocation().getQueryParameters().getSingleParameter("answers")
                .filter(v -> v.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        // A refusal propagates to the access-denied page; the service has audited it.
        List<PlanVersionView> history = plans.history(patientId);
        patientName = patients.patientProfile(patientId).displayName();
        library = exercises.libraryById();
        build(history);
    }

    private void build(List<PlanVersionView> history) {
        removeAll();
        rows.clear();
        basedOnVersion = history.isEmpty() ? null : history.getFirst().number();
        previous = history.isEmpty() ? List.of() : history.getFirst().drafts();
        previous.forEach(draft -> rows.add(new Row(draft)));

        header.removeAll();
        header.add(new ViewHeader("Plan for " + patientName, basedOnVersion == null
                ? "No plan yet. Start from the stretching trial's template, or add exercises one by one."
                : "Editing version " + basedOnVersion + ". Saving creates version " + (basedOnVersion + 1)
                        + "; the patient sees it at once."));
        Button template = new Button("Start from the trial template", VaadinIcon.MAGIC.create(), click -> {
            rows.clear();
            plans.trialTemplate().forEach(draft -> rows.add(new Row(draft)));
            renderItems();
        });
        template.setId("use-template");
        template.addClassName("tap-target");
        Paragraph templateText = new Paragraph("Trial template: calf and hamstring stretch before bed, "
                + "3 x 10 s hold, 10 s rest, nightly for 6 weeks.");
        templateText.addClassName("card-detail");

        itemList.addClassName("card-list");
        itemList.setId("plan-items");

        addExercise.setId("add-exercise");
        addExercise.setItemLabelGenerator(e -> e.name() + " (" + e.category().label().toLowerCase() + ")");
        addExercise.setWidthFull();
        Button add = new Button("Add", VaadinIcon.PLUS.create(), click -> addSelected());
        add.setId("add-item");
        add.addClassName("tap-target");
        Div addRow = new Div(addExercise, add);
        addRow.addClassName("add-row");

        diff.addClassNames("card", "plan-diff");
        diff.setId("plan-diff");

        reason.setId("reason");
        reason.setWidthFull();
        TextLimit.apply(reason, PlanService.MAX_REASON);
        reason.setRequiredIndicatorVisible(true);
        reason.setHelperText("For example: \"progressing: stretches easy, add strength\"");
        reason.clear();
        reason.setInvalid(false);
        reason.addValueChangeListener(change -> reason.setInvalid(false));

        save.setId("save-plan");
        save.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.LARGE);
        save.addClassName("tap-target");
        save.setText(basedOnVersion == null ? "Save as version 1" : "Save as version " + (basedOnVersion + 1));
        save.addClickListener(click -> save());

        historyArea.removeAll();
        if (!history.isEmpty()) {
            historyArea.add(new H3("Version history"), new PlanHistoryList(history, clinic, patientId));
        }
        Div templateArea = new Div(template, templateText);
        templateArea.setVisible(basedOnVersion == null);
        add(header);
        if (answersMessageId != null) {
            Paragraph answering = new Paragraph("In answer to " + patientName.split(" ")[0] + "'s message: the new "
                    + "version links back to it in both your histories.");
            answering.setId("plan-answers-message");
            answering.addClassName("answering-note");
            add(answering);
        }
        add(templateArea, itemList, addRow, diff, reason, save, historyArea);
        renderItems();
    }

    private void addSelected() {
        ExerciseInfo chosen = addExercise.getValue();
        if (chosen == null) {
            addExercise.setErrorMessage("Choose an exercise to add");
            addExercise.setInvalid(true);
            return;
        }
        rows.add(new Row(ItemDraft.fromDefaults(chosen)));
        addExercise.clear();
        renderItems();
    }

    private void renderItems() {
        itemList.removeAll();
        if (rows.isEmpty()) {
            Paragraph empty = new Paragraph("No exercises in the plan yet.");
            empty.addClassName("card-detail");
            itemList.add(empty);
        }
        for (int i = 0; i < rows.size(); i++) {
            itemList.add(rows.get(i).card(i));
        }
        addExercise.setItems(library.values().stream()
                .filter(e -> rows.stream().noneMatch(r -> r.exerciseId == e.id()))
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList());
        refreshDiff();
    }

    private void refreshDiff() {
        diff.removeAll();
        diff.add(new H3(basedOnVersion == null ? "What the patient will get" : "Changes from version " + basedOnVersion));
        List<String> changes = plans.describeChanges(previous, drafts());
        UnorderedList list = new UnorderedList();
        list.setId("plan-diff-lines");
        if (changes.isEmpty()) {
            list.add(new ListItem("No changes yet"));
        }
        changes.forEach(change -> list.add(new ListItem(change)));
        diff.add(list);
    }

    private List<ItemDraft> drafts() {
        return rows.stream().map(Row::draft).toList();
    }

    private void move(int index, int by) {
        int target = index + by;
        if (target < 0 || target >= rows.size()) {
            return;
        }
        rows.add(target, rows.remove(index));
        renderItems();
    }

    private void save() {
        boolean valid = rows.stream().map(r -> r.binder.validate().isOk()).reduce(true, Boolean::logicalAnd);
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage("Give a reason for the change: the patient reads it in their plan history");
            reason.setInvalid(true);
            valid = false;
        }
        if (rows.isEmpty()) {
            error("A plan needs at least one exercise.");
            return;
        }
        if (!valid) {
            error("Check the highlighted fields. Nothing has been saved.");
            return;
        }
        if (plans.describeChanges(previous, drafts()).isEmpty()) {
            error("Nothing has changed from version " + basedOnVersion + ".");
            return;
        }
        try {
            int number = answersMessageId == null
                    ? plans.createVersion(patientId, basedOnVersion, drafts(), reason.getValue())
                    : plans.createVersionAnswering(patientId, basedOnVersion, drafts(), reason.getValue(),
                            answersMessageId);
            answersMessageId = null;
            closeError();
            Notification done = Notification.show("Saved version " + number + ". " + patientName.split(" ")[0]
                    + " sees it now.");
            done.addThemeVariants(NotificationVariant.SUCCESS);
            build(plans.history(patientId));
        } catch (PlanChangedException changed) {
            error(changed.getMessage());
        } catch (ConstraintViolationException | IllegalArgumentException rejected) {
            error(rejected instanceof ConstraintViolationException c
                    ? c.getConstraintViolations().iterator().next().getMessage() : rejected.getMessage());
        }
    }

    /** One error on screen at a time, and none once a save succeeds. */
    private void error(String message) {
        closeError();
        lastError = Notification.show(message);
        lastError.addThemeVariants(NotificationVariant.ERROR);
    }

    private void closeError() {
        if (lastError != null) {
            lastError.close();
            lastError = null;
        }
    }

    /** One item being edited: its fields are bound to this mutable copy, checked at each field. */
    private final class Row {
        private final long exerciseId;
        private int sets;
        private int reps;
        private int holdSeconds;
        private int restSeconds;
        private int timesPerDay;
        private int daysPerWeek;
        private Timing timing;
        private String sides;
        private String progressionNote;
        private Binder<Row> binder = new Binder<>();

        Row(ItemDraft draft) {
            exerciseId = draft.exerciseId();
            sets = draft.sets();
            reps = draft.reps();
            holdSeconds = draft.holdSeconds();
            restSeconds = draft.restSeconds();
            timesPerDay = draft.timesPerDay();
            daysPerWeek = draft.daysPerWeek();
            timing = draft.timing();
            sides = draft.sides();
            progressionNote = draft.progressionNote();
        }

        ItemDraft draft() {
            return new ItemDraft(exerciseId, sets, reps, holdSeconds, restSeconds, timesPerDay, daysPerWeek, timing,
                    sides, progressionNote);
        }

        Div card(int index) {
            ExerciseInfo exercise = library.get(exerciseId);
            binder = new Binder<>();
            Span title = new Span((index + 1) + ". " + exercise.name());
            title.addClassName("card-title");
            Button up = iconButton(VaadinIcon.ARROW_UP, "Move up", "up-" + exerciseId, () -> move(index, -1));
            up.setEnabled(index > 0);
            Button down = iconButton(VaadinIcon.ARROW_DOWN, "Move down", "down-" + exerciseId, () -> move(index, 1));
            down.setEnabled(index < rows.size() - 1);
            Button remove = iconButton(VaadinIcon.TRASH, "Remove", "remove-" + exerciseId, () -> {
                rows.remove(this);
                renderItems();
            });
            Div head = new Div(ExerciseIcon.of(exercise.category()), title, up, down, remove);
            head.addClassName("editor-item-head");

            Div fields = new Div(
                    number("Sets", "sets", 1, PlanService.MAX_SETS, r -> r.sets, (r, v) -> r.sets = v),
                    number("Reps", "reps", 1, PlanService.MAX_REPS, r -> r.reps, (r, v) -> r.reps = v),
                    number("Hold (s)", "hold", 0, PlanService.MAX_HOLD_SECONDS, r -> r.holdSeconds,
                            (r, v) -> r.holdSeconds = v),
                    number("Rest (s)", "rest", 0, PlanService.MAX_REST_SECONDS, r -> r.restSeconds,
                            (r, v) -> r.restSeconds = v),
                    number("Times/day", "times", 1, PlanService.MAX_TIMES_PER_DAY, r -> r.timesPerDay,
                            (r, v) -> r.timesPerDay = v),
                    number("Days/week", "days", 1, 7, r -> r.daysPerWeek, (r, v) -> r.daysPerWeek = v));
            fields.addClassName("dose-fields");

            Select<Timing> when = new Select<>();
            when.setLabel("When");
            when.setId("timing-" + exerciseId);
            when.setItems(Timing.values());
            when.setItemLabelGenerator(Timing::label);
            binder.forField(when).asRequired("Choose when").bind(r -> r.timing, (r, v) -> r.timing = v);
            TextField sidesField = new TextField("Sides or note");
            sidesField.setId("sides-" + exerciseId);
            TextLimit.apply(sidesField, 60);
            binder.forField(sidesField).withNullRepresentation("")
                    .withValidator(v -> v == null || v.length() <= 60, "At most 60 characters")
                    .bind(r -> r.sides, (r, v) -> r.sides = v == null || v.isBlank() ? null : v.strip());
            TextField progression = new TextField("Progression note");
            progression.setId("progression-" + exerciseId);
            TextLimit.apply(progression, 300);
            binder.forField(progression).withNullRepresentation("")
                    .withValidator(v -> v == null || v.length() <= 300, "At most 300 characters")
                    .bind(r -> r.progressionNote,
                            (r, v) -> r.progressionNote = v == null || v.isBlank() ? null : v.strip());
            Div text = new Div(when, sidesField, progression);
            text.addClassName("dose-text");

            binder.setBean(this);
            binder.addValueChangeListener(change -> refreshDiff());
            Div card = new Div(head, fields, text);
            card.addClassNames("card", "editor-item");
            card.setId("editor-item-" + exerciseId);
            return card;
        }

        private IntegerField number(String label, String idPrefix, int min, int max, ValueProvider<Row, Integer> get,
                SerializableBiConsumer<Row, Integer> set) {
            IntegerField field = new IntegerField(label);
            field.setId(idPrefix + "-" + exerciseId);
            field.setStepButtonsVisible(false);
            String message = label.replace(" (s)", "").replace("/", " a ") + ": " + min + " to " + max;
            binder.forField(field).asRequired(message)
                    .withValidator(v -> v >= min && v <= max, message)
                    .bind(get, set::accept);
            return field;
        }

        private Button iconButton(VaadinIcon icon, String label, String id, Runnable action) {
            Button button = new Button(icon.create(), click -> action.run());
            button.setAriaLabel(label);
            button.setTooltipText(label);
            button.setId(id);
            button.addThemeVariants(ButtonVariant.TERTIARY);
            button.addClassName("tap-target");
            return button;
        }
    }
}
