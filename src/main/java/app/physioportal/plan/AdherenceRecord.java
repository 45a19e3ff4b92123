package app.physioportal.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A prescribed exercise done on a day. At most one per patient, exercise and day (a database constraint). */
@Entity
@Table(name = "adherence_record")
class AdherenceRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(name = "exercise_id", nullable = false)
    private Long exerciseId;

    @Column(name = "done_day", nullable = false)
    private LocalDate doneDay;

    /** Stored at write time so weekly figures group by an indexed column instead of date functions. */
    @Column(name = "week_start", nullable = false)
    private LocalDate weekStart;

    @Column(name = "plan_version_id", nullable = false)
    private Long planVersionId;

    private Integer effort;

    @Column(name = "done_at", nullable = false)
    private Instant doneAt;

    protected AdherenceRecord() {
    }

    AdherenceRecord(long patientId, long exerciseId, LocalDate doneDay, long planVersionId, Integer effort,
            Instant doneAt) {
        this.patientId = patientId;
        this.exerciseId = exerciseId;
        this.doneDay = doneDay;
        this.weekStart = AdherenceCalculator.weekStart(doneDay);
        this.planVersionId = planVersionId;
        this.effort = effort;
        this.doneAt = doneAt;
    }

    Long getExerciseId() {
        return exerciseId;
    }

    LocalDate getDoneDay() {
        return doneDay;
    }

    Integer getEffort() {
        return effort;
    }

    void setEffort(Integer effort) {
        this.effort = effort;
    }
}
