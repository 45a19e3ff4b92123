package app.physioportal.plan;

import app.physioportal.exercise.ExerciseService.ExerciseInfo;

/** A prescribed item as the patient and physio read it. */
public record PlanItem(int order, ExerciseInfo exercise, ItemDraft dose) {

    /** "3 x 10 s hold, 10 s rest, both legs". */
    public String amountInWords() {
        return DosageWords.amount(exercise.category(), dose);
    }

    /** "Every night before bed", "3 days a week, in the morning". */
    public String frequencyInWords() {
        return DosageWords.frequency(dose);
    }
}
