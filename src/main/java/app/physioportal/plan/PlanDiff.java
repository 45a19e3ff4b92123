package app.physioportal.plan;

import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The difference between two versions' items, in sentences a physio and a patient both understand. */
final class PlanDiff {

    private PlanDiff() {
    }

    static List<String> describe(List<ItemDraft> before, List<ItemDraft> after,
            Map<Long, ExerciseInfo> library) {
        return describe(before, after, library, true);
    }

    /** The same for the audit trail: what the physio typed (sides, progression notes) appears only as changed. */
    static List<String> forAudit(List<ItemDraft> before, List<ItemDraft> after, Map<Long, ExerciseInfo> library) {
        return describe(before, after, library, false);
    }

    private static List<String> describe(List<ItemDraft> before, List<ItemDraft> after,
            Map<Long, ExerciseInfo> library, boolean withText) {
        Map<Long, ItemDraft> old = before.stream()
                .collect(Collectors.toMap(ItemDraft::exerciseId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        Map<Long, ItemDraft> now = after.stream()
                .collect(Collectors.toMap(ItemDraft::exerciseId, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new));
        List<String> changes = new ArrayList<>();
        for (ItemDraft item : after) {
            ExerciseInfo exercise = library.get(item.exerciseId());
            ItemDraft was = old.get(item.exerciseId());
            if (was == null) {
                changes.add("Added " + name(exercise) + ": " + (withText
                        ? DosageWords.amount(exercise.category(), item) + ", " : "")
                        + DosageWords.frequency(item).toLowerCase());
            } else {
                List<String> fields = fieldChanges(was, item, withText);
                if (!fields.isEmpty()) {
                    changes.add(name(exercise) + ": " + String.join(", ", fields));
                }
            }
        }
        for (ItemDraft item : before) {
            if (!now.containsKey(item.exerciseId())) {
                changes.add("Removed " + name(library.get(item.exerciseId())));
            }
        }
        List<Long> keptBefore = before.stream().map(ItemDraft::exerciseId).filter(now::containsKey).toList();
        List<Long> keptAfter = after.stream().map(ItemDraft::exerciseId).filter(old::containsKey).toList();
        if (!keptBefore.equals(keptAfter)) {
            changes.add("New order: " + after.stream().map(i -> name(library.get(i.exerciseId())))
                    .collect(Collectors.joining(", ")));
        }
        return changes;
    }

    private static List<String> fieldChanges(ItemDraft was, ItemDraft now, boolean withText) {
        List<String> fields = new ArrayList<>();
        change(fields, "sets", was.sets(), now.sets(), "");
        change(fields, "reps", was.reps(), now.reps(), "");
        change(fields, "hold", was.holdSeconds(), now.holdSeconds(), " s");
        change(fields, "rest", was.restSeconds(), now.restSeconds(), " s");
        change(fields, "times a day", was.timesPerDay(), now.timesPerDay(), "");
        change(fields, "days a week", was.daysPerWeek(), now.daysPerWeek(), "");
        if (was.timing() != now.timing()) {
            fields.add("when " + was.timing().label().toLowerCase() + " → " + now.timing().label().toLowerCase());
        }
        if (!Objects.equals(was.sides(), now.sides())) {
            fields.add(withText ? "sides " + orNone(was.sides()) + " → " + orNone(now.sides()) : "sides changed");
        }
        if (!Objects.equals(was.progressionNote(), now.progressionNote())) {
            fields.add(withText ? "note now \"" + orNone(now.progressionNote()) + "\"" : "note changed");
        }
        return fields;
    }

    private static void change(List<String> fields, String label, int was, int now, String unit) {
        if (was != now) {
            fields.add(label + " " + was + unit + " → " + now + unit);
        }
    }

    private static String orNone(String text) {
        return text == null ? "none" : text;
    }

    private static String name(ExerciseInfo exercise) {
        return exercise == null ? "an exercise no longer in the library" : exercise.name();
    }
}
