package app.physioportal.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A patient's one plan. Its content lives in versions; this row only points at the newest and guards edits. */
@Entity
@Table(name = "plan")
class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    /** Two physios saving at once: the second save fails instead of silently replacing the first. */
    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Plan() {
    }

    Plan(long patientId, Instant createdAt) {
        this.patientId = patientId;
        this.createdAt = createdAt;
    }

    Long getPatientId() {
        return patientId;
    }

    Long getId() {
        return id;
    }

    int getCurrentVersion() {
        return currentVersion;
    }

    int advance() {
        return ++currentVersion;
    }
}
