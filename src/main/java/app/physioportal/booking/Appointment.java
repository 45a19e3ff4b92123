package app.physioportal.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A follow-up visit. Never deleted: cancelling frees the slot (active_start becomes NULL) and keeps the row. */
@Entity
@Table(name = "appointment")
class Appointment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private long patientId;

    @Column(name = "physio_id", nullable = false)
    private long physioId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "active_start")
    private Instant activeStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private AppointmentType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private AppointmentStatus status;

    @Column(length = 500)
    private String note;

    @Column(name = "booked_by", nullable = false, length = 254)
    private String bookedBy;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Column(name = "cancelled_by", length = 254)
    private String cancelledBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    /** The iCalendar SEQUENCE: raised on every change the patient's calendar must pick up. */
    @Column(name = "sequence_no", nullable = false)
    private int sequenceNo;

    @Version
    private long version;

    protected Appointment() {
    }

    Appointment(long patientId, long physioId, Instant startsAt, Instant endsAt, AppointmentType type,
            AppointmentStatus status, String note, String bookedBy, Instant bookedAt) {
        this.patientId = patientId;
        this.physioId = physioId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.type = type;
        this.status = status;
        this.note = note;
        this.bookedBy = bookedBy;
        this.bookedAt = bookedAt;
        this.activeStart = status == AppointmentStatus.CANCELLED ? null : startsAt;
    }

    void cancel(String by, Instant at) {
        status = AppointmentStatus.CANCELLED;
        cancelledBy = by;
        cancelledAt = at;
        activeStart = null;
        sequenceNo++;
    }

    void moveTo(Instant newStart, Instant newEnd) {
        startsAt = newStart;
        endsAt = newEnd;
        activeStart = newStart;
        sequenceNo++;
    }

    void markOutcome(AppointmentStatus outcome) {
        status = outcome;
    }

    Long getId() {
        return id;
    }

    long getPatientId() {
        return patientId;
    }

    long getPhysioId() {
        return physioId;
    }

    Instant getStartsAt() {
        return startsAt;
    }

    Instant getEndsAt() {
        return endsAt;
    }

    AppointmentType getType() {
        return type;
    }

    AppointmentStatus getStatus() {
        return status;
    }

    String getNote() {
        return note;
    }

    String getBookedBy() {
        return bookedBy;
    }

    Instant getBookedAt() {
        return bookedAt;
    }

    String getCancelledBy() {
        return cancelledBy;
    }

    Instant getCancelledAt() {
        return cancelledAt;
    }

    int getSequenceNo() {
        return sequenceNo;
    }
}
