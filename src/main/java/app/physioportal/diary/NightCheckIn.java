package app.physioportal.diary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The morning answer to "How was last night?": one per patient and night. */
@Entity
@Table(name = "night_check_in")
class NightCheckIn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "night_date", nullable = false)
    private LocalDate nightDate;

    @Column(name = "cramp_free", nullable = false)
    private boolean crampFree;

    /** The morning answer itself; {@link #crampFree} is what holds now that cramps may have been logged since. */
    @Column(name = "answered_cramp_free", nullable = false)
    private boolean answeredCrampFree;

    @Column(name = "sleep_disturbance")
    private Integer sleepDisturbance;

    /** The helper who last answered for the patient; null when the patient answered themself. */
    @Column(name = "logged_by")
    private Long loggedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NightCheckIn() {
    }

    NightCheckIn(long patientId, LocalDate nightDate, Instant now) {
        this.patientId = patientId;
        this.nightDate = nightDate;
        this.createdAt = now;
        this.updatedAt = now;
    }

    LocalDate getNightDate() {
        return nightDate;
    }

    boolean isCrampFree() {
        return crampFree;
    }

    Integer getSleepDisturbance() {
        return sleepDisturbance;
    }

    Long getLoggedBy() {
        return loggedBy;
    }

    void answeredBy(Long helperId) {
        this.loggedBy = helperId;
    }

    /** Whether this answer is already what the night holds, given by the same person. */
    boolean sameAnswer(boolean crampFree, @Nullable Integer sleepDisturbance, @Nullable Long answeredBy) {
        return this.answeredCrampFree == crampFree && this.crampFree == crampFree
                && java.util.Objects.equals(this.sleepDisturbance, sleepDisturbance)
                && java.util.Objects.equals(this.loggedBy, answeredBy);
    }

    void answer(boolean crampFree, Integer sleepDisturbance, Instant now) {
        this.crampFree = crampFree;
        this.answeredCrampFree = crampFree;
        this.sleepDisturbance = sleepDisturbance;
        this.updatedAt = now;
    }

    /** A cramp was logged for this night after all: it is a night with cramps now. */
    void crampsLogged(Instant now) {
        this.crampFree = false;
        this.updatedAt = now;
    }

    /**
     * The night's last cramp was deleted (or moved to another night): the morning answer holds again. Returns
     * whether the night is cramp-free again because of it.
     */
    boolean lastCrampRemoved(Instant now) {
        if (answeredCrampFree && !crampFree) {
            this.crampFree = true;
            this.updatedAt = now;
            return true;
        }
        return false;
    }
}
