package app.physioportal.exercise;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One exercise of the clinic's library. Seeded by migration; the application only reads it. */
@Entity
@Immutable
@Table(name = "exercise")
class Exercise {

    @Id
    private Long id;

    @Column(nullable = false, length = 60)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "varchar(16)")
    private Category category;

    @Column(name = "target_area", nullable = false, length = 120)
    private String targetArea;

    @Column(nullable = false, length = 2000)
    private String instructions;

    @Column(name = "safety_note", nullable = false, length = 1000)
    private String safetyNote;

    @Column(name = "default_sets", nullable = false)
    private int defaultSets;

    @Column(name = "default_reps", nullable = false)
    private int defaultReps;

    @Column(name = "default_hold_seconds", nullable = false)
    private int defaultHoldSeconds;

    @Column(name = "default_rest_seconds", nullable = false)
    private int defaultRestSeconds;

    @Column(name = "default_times_per_day", nullable = false)
    private int defaultTimesPerDay;

    @Column(name = "default_days_per_week", nullable = false)
    private int defaultDaysPerWeek;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_timing", nullable = false, columnDefinition = "varchar(16)")
    private Timing defaultTiming;

    @Column(name = "default_sides", length = 60)
    private String defaultSides;

    protected Exercise() {
    }

    ExerciseService.ExerciseInfo toInfo() {
        return new ExerciseService.ExerciseInfo(id, code, name, category, targetArea,
                instructions.lines().map(String::strip).filter(line -> !line.isEmpty()).toList(), safetyNote,
                new ExerciseService.Dosage(defaultSets, defaultReps, defaultHoldSeconds, defaultRestSeconds,
                        defaultTimesPerDay, defaultDaysPerWeek, defaultTiming, defaultSides));
    }
}
