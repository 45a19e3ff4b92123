package app.physioportal.notes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "clinical_note")
class ClinicalNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "patient_id", nullable = false)
    private Long patientId;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "shared_with_patient", nullable = false)
    private boolean sharedWithPatient;

    @Column(name = "corrects_note_id")
    private Long correctsNoteId;

    protected ClinicalNote() {
    }

    ClinicalNote(Long patientId, Long authorId, Instant writtenAt, String body, boolean sharedWithPatient,
            Long correctsNoteId) {
        this.patientId = patientId;
        this.authorId = authorId;
        this.writtenAt = writtenAt;
        this.body = body;
        this.sharedWithPatient = sharedWithPatient;
        this.correctsNoteId = correctsNoteId;
    }

    Long getId() {
        return id;
    }

    Long getPatientId() {
        return patientId;
    }

    Long getAuthorId() {
        return authorId;
    }

    Instant getWrittenAt() {
        return writtenAt;
    }

    String getBody() {
        return body;
    }

    boolean isSharedWithPatient() {
        return sharedWithPatient;
    }

    Long getCorrectsNoteId() {
        return correctsNoteId;
    }
}
