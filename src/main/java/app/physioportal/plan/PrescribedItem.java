package app.physioportal.plan;

import app.physioportal.exercise.Timing;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One exercise of a plan version with its dose. Part of an immutable version, so immutable too. */
@Entity
@Immutable
@Table(name = "prescribed_item")
class PrescribedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_version_id", nullable = false)
    private Long planVersionId;

    @Column(name = "exercise_id", nullable = false)
    private Long exerciseId;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private int sets;

    @Column(nullable = false)
    private int reps;

    @Column(name = "hold_seconds", nullable = false)
    private int holdSeconds;

    @Column(name = "rest_seconds", nullable = false)
    private int restSeconds;

    @Column(name = "times_per_day", nullable = false)
    private int timesPerDay;

    @Column(name = "days_per_week", nullable = false)
    private int daysPerWeek;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private Timing timing;

    @Column(length = 60)
    private String sides;

    @Column(name = "progression_note", length = 300)
    private String progressionNote;

    protected PrescribedItem() {
    }

    PrescribedItem(long planVersionId, int sortOrder, ItemDraft draft) {
        this.planVersionId = planVersionId;
        this.exerciseId = draft.exerciseId();
        this.sortOrder = sortOrder;
        this.sets = draft.sets();
        this.reps = draft.reps();
        this.holdSeconds = draft.holdSeconds();
        this.restSeconds = draft.restSeconds();
        this.timesPerDay = draft.timesPerDay();
        this.daysPerWeek = draft.daysPerWeek();
        this.timing = draft.timing();
        this.sides = draft.sides();
        this.progressionNote = draft.progressionNote();
    }

    Long getPlanVersionId() {
        return planVersionId;
    }

    ItemDraft toDraft() {
        return new ItemDraft(exerciseId, sets, reps, holdSeconds, restSeconds, timesPerDay, daysPerWeek,
                timing, sides, progressionNote);
    }
}
