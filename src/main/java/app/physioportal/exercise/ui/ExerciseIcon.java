package app.physioportal.exercise.ui;

import app.physioportal.exercise.Category;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The library's illustration for now: one clear icon per category, never a broken image. */
public final class ExerciseIcon {

    private ExerciseIcon() {
    }

    public static Icon of(Category category) {
        Icon icon = switch (category) {
            case STRETCH -> VaadinIcon.ARROWS_LONG_H.create();
            case STRENGTH -> VaadinIcon.TRENDING_UP.create();
            case POSITION -> VaadinIcon.BED.create();
        };
        icon.addClassNames("exercise-icon", "exercise-icon-" + category.name().toLowerCase());
        icon.getElement().setAttribute("aria-label", category.label());
        icon.getElement().setAttribute("role", "img");
        return icon;
    }
}
