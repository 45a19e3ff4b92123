package app.physioportal.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A patient account's clinical assignment: the one physio who may see their data. */
@Entity
@Table(name = "patient")
class Patient {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "physio_id", nullable = false)
    private Long physioId;

    @Column(name = "assigned_since", nullable = false)
    private LocalDate assignedSince;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(length = 300)
    private String medications;

    protected Patient() {
    }

    Patient(Long accountId, Long physioId, LocalDate assignedSince, LocalDate birthDate) {
        this.accountId = accountId;
        this.physioId = physioId;
        this.assignedSince = assignedSince;
        this.birthDate = birthDate;
    }

    void assignTo(Long physioId, LocalDate since) {
        this.physioId = physioId;
        this.assignedSince = since;
    }

    Long getAccountId() {
        return accountId;
    }

    Long getPhysioId() {
        return physioId;
    }

    LocalDate getAssignedSince() {
        return assignedSince;
    }

    LocalDate getBirthDate() {
        return birthDate;
    }

    String getMedications() {
        return medications;
    }

    void setMedications(String medications) {
        this.medications = medications;
    }
}
