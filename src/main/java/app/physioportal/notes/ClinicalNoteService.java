package app.physioportal.notes;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.security.AccountService;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Clinical notes: dated, authored, append-only. The assigned physio reads and writes them; the patient
 * reads only the notes marked as shared with them.
 */
@Service
@Validated
public class ClinicalNoteService {

    public static final int MAX_LENGTH = 4000;

    public record NoteView(long id, Instant writtenAt, String authorName, String body, boolean sharedWithPatient,
            Long correctsNoteId, boolean corrected) {
    }

    public record NewNote(
            @NotBlank(message = "Write the note first") @Size(max = MAX_LENGTH, message = "At most 4000 characters")
            String body,
            boolean sharedWithPatient,
            Long correctsNoteId) {
    }

    private final ClinicalNoteRepository notes;
    private final PatientAccess access;
    private final AccountService accounts;
    private final AuditService audit;
    private final Clock clock;

    ClinicalNoteService(ClinicalNoteRepository notes, PatientAccess access, AccountService accounts,
            AuditService audit, Clock clock) {
        this.notes = notes;
        this.access = access;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Newest first. A patient sees only the notes shared with them. */
    @Transactional(readOnly = true)
    public List<NoteView> notesFor(long patientId) {
        PortalUser user = access.check(patientId);
        List<ClinicalNote> all = notes.findByPatientIdOrderByWrittenAtDescIdDesc(patientId);
        List<ClinicalNote> visible = user.role() == Role.PATIENT
                ? all.stream().filter(ClinicalNote::isSharedWithPatient).toList()
                : all;
        Map<Long, String> authors = accounts.displayNames(visible.stream().map(ClinicalNote::getAuthorId).toList());
        var correctedIds = all.stream().map(ClinicalNote::getCorrectsNoteId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return visible.stream()
                .map(n -> new NoteView(n.getId(), n.getWrittenAt(), authors.getOrDefault(n.getAuthorId(), "?"),
                        n.getBody(), n.isSharedWithPatient(), n.getCorrectsNoteId(), correctedIds.contains(n.getId())))
                .toList();
    }

    /** Only the patient's physio writes notes; a correction names the note it corrects. */
    @Transactional
    public long addNote(long patientId, @Valid NewNote note) {
        PortalUser author = access.checkAs(patientId, Role.PHYSIO, "write clinical notes");
        if (note.correctsNoteId() != null && !notes.existsByIdAndPatientId(note.correctsNoteId(), patientId)) {
            throw new IllegalArgumentException("The note to correct belongs to another patient");
        }
        ClinicalNote saved = notes.save(new ClinicalNote(patientId, author.id(), clock.instant(), note.body().strip(),
                note.sharedWithPatient(), note.correctsNoteId()));
        audit.record(AuditAction.NOTE_ADDED, patientId, "note " + saved.getId()
                + (note.correctsNoteId() == null ? "" : " corrects note " + note.correctsNoteId())
                + (note.sharedWithPatient() ? ", shared with patient" : ""));
        return saved.getId();
    }
}
