package app.physioportal.exercise.ui;

import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * "How to do it": the steps in plain words and the safety note, opened with one tap. The steps are built when first
 * opened (issue 18): most evenings nobody opens them, and a page of five exercises would otherwise keep every step's
 * text in each session's state and send it with the page.
 */
public class ExerciseInstructions extends Details {

    private final ExerciseInfo exercise;

    public ExerciseInstructions(ExerciseInfo exercise) {
        this.exercise = exercise;
        setSummaryText("How to do it");
        addClassName("exercise-instructions");
        setId("instructions-" + exercise.id());
        addOpenedChangeListener(event -> {
            if (event.isOpened() && getContent().findAny().isEmpty()) {
                fill();
            }
        });
    }

    private void fill() {
        OrderedList steps = new OrderedList();
        steps.addClassName("exercise-steps");
        exercise.steps().forEach(step -> steps.add(new ListItem(step)));
        Paragraph target = new Paragraph("Works on: " + exercise.targetArea());
        target.addClassName("card-detail");
        Div safety = new Div(VaadinIcon.WARNING.create(), new Span(exercise.safetyNote()));
        safety.addClassName("safety-note");
        add(target, steps, safety);
    }
}
