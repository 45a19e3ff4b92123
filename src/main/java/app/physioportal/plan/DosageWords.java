package app.physioportal.plan;

import app.physioportal.exercise.Category;
import app.physioportal.exercise.Timing;
import java.util.ArrayList;
import java.util.List;

/** A dose as a patient would say it: "3 x 10 s hold, 10 s rest, both legs" and "every night". */
final class DosageWords {

    private DosageWords() {
    }

    static String amount(Category category, ItemDraft dose) {
        List<String> parts = new ArrayList<>();
        if (category != Category.POSITION) {
            if (dose.holdSeconds() > 0 && dose.reps() <= 1) {
                parts.add(dose.sets() + " x " + dose.holdSeconds() + " s hold");
            } else if (dose.holdSeconds() > 0) {
                parts.add(dose.sets() + " x " + dose.reps() + ", " + dose.holdSeconds() + " s hold each");
            } else {
                parts.add(dose.sets() + (dose.sets() == 1 ? " set of " : " sets of ") + dose.reps());
            }
            if (dose.restSeconds() > 0) {
                parts.add(dose.restSeconds() + " s rest");
            }
        }
        if (dose.sides() != null) {
            parts.add(dose.sides());
        }
        return parts.isEmpty() ? "As your physio showed you" : capitalise(String.join(", ", parts));
    }

    static String frequency(ItemDraft dose) {
        String times = switch (dose.timesPerDay()) {
            case 1 -> "";
            case 2 -> "twice a day, ";
            default -> dose.timesPerDay() + " times a day, ";
        };
        String days = dose.daysPerWeek() == 7
                ? (dose.timing() == Timing.BEFORE_BED ? "every night" : "every day")
                : dose.daysPerWeek() + (dose.daysPerWeek() == 1 ? " day a week" : " days a week");
        String when = switch (dose.timing()) {
            case BEFORE_BED -> dose.daysPerWeek() == 7 ? " before bed" : ", before bed";
            case MORNING -> dose.daysPerWeek() == 7 ? " in the morning" : ", in the morning";
            case ANY -> "";
        };
        return capitalise(times + days + when);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
