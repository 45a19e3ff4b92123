package app.physioportal.plan;

import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One exercise with its dose, as the physio writes it. */
public record ItemDraft(
        @NotNull(message = "Choose an exercise") Long exerciseId,
        @Min(value = 1, message = "Sets: 1 to " + PlanService.MAX_SETS) @Max(value = PlanService.MAX_SETS, message = "Sets: 1 to " + PlanService.MAX_SETS) int sets,
        @Min(value = 1, message = "Reps: 1 to " + PlanService.MAX_REPS) @Max(value = PlanService.MAX_REPS, message = "Reps: 1 to " + PlanService.MAX_REPS) int reps,
        @Min(value = 0, message = "Hold: 0 to " + PlanService.MAX_HOLD_SECONDS + " s")
        @Max(value = PlanService.MAX_HOLD_SECONDS, message = "Hold: 0 to " + PlanService.MAX_HOLD_SECONDS + " s") int holdSeconds,
        @Min(value = 0, message = "Rest: 0 to " + PlanService.MAX_REST_SECONDS + " s")
        @Max(value = PlanService.MAX_REST_SECONDS, message = "Rest: 0 to " + PlanService.MAX_REST_SECONDS + " s") int restSeconds,
        @Min(value = 1, message = "Times a day: 1 to " + PlanService.MAX_TIMES_PER_DAY)
        @Max(value = PlanService.MAX_TIMES_PER_DAY, message = "Times a day: 1 to " + PlanService.MAX_TIMES_PER_DAY) int timesPerDay,
        @Min(value = 1, message = "Days a week: 1 to 7") @Max(value = 7, message = "Days a week: 1 to 7") int daysPerWeek,
        @NotNull(message = "Choose when") Timing timing,
        @Size(max = 60, message = "At most 60 characters") String sides,
        @Size(max = 300, message = "At most 300 characters") String progressionNote) {

    public ItemDraft {
        sides = sides == null || sides.isBlank() ? null : sides.strip();
        progressionNote = progressionNote == null || progressionNote.isBlank() ? null : progressionNote.strip();
    }

    public static ItemDraft fromDefaults(ExerciseInfo exercise) {
        var d = exercise.defaultDosage();
        return new ItemDraft(exercise.id(), d.sets(), d.reps(), d.holdSeconds(), d.restSeconds(), d.timesPerDay(),
                d.daysPerWeek(), d.timing(), d.sides(), null);
    }
}
