package app.physioportal.patient;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.audit.AuditService.AuditEntry;
import app.physioportal.security.Directory;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who has seen my record": each time someone else opened a patient's record, from the audit trail, newest first,
 * a page at a time, in words the patient understands. Only the patient sees their own.
 */
@Service
public class AccessHistory {

    public static final int PAGE_SIZE = 25;
    private static final Set<AuditAction> SHOWN = EnumSet.of(AuditAction.RECORD_ACCESSED, AuditAction.ACCESS_DENIED,
            AuditAction.PATIENT_ASSIGNED, AuditAction.AUDIT_SEARCHED);
    /** The service a record was read through says what was looked at. */
    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("CaseloadService", "your line on their list of patients"),
            Map.entry("DiaryService", "your cramp diary"),
            Map.entry("ProgressService", "your progress charts"),
            Map.entry("PlanService", "your exercise plan"),
            Map.entry("AdherenceService", "your ticked exercises"),
            Map.entry("PlanExport", "your exercise plan"),
            Map.entry("ClinicalNoteService", "the clinical notes"),
            Map.entry("PatientService", "your profile and medicines"),
            Map.entry("PatientDirectory", "your name and physio"),
            Map.entry("BookingService", "your appointments"),
            Map.entry("DataExportService", "your whole record"));

    /** One line of the history. {@code role} is how the person was acting: physio, admin, or the portal itself. */
    public record Access(Instant when, String who, String role, String what, boolean refused) {
    }

    private final AuditService audit;
    private final PatientAccess access;
    private final Directory directory;

    AccessHistory(AuditService audit, PatientAccess access, Directory directory) {
        this.audit = audit;
        this.access = access;
        this.directory = directory;
    }

    /** Page {@code page} (0 is the newest) of the patient's own history. */
    @Transactional(readOnly = true)
    public List<Access> ofMyRecord(long patientId, int page) {
        return of(patientId, page, PAGE_SIZE);
    }

    /** All of it, for the patient's data download. */
    @Transactional(readOnly = true)
    public List<Access> allOfMyRecord(long patientId) {
        return of(patientId, 0, 100_000);
    }

    private List<Access> of(long patientId, int page, int size) {
        PortalUser patient = access.checkAs(patientId, Role.PATIENT, "see who opened their record");
        List<AuditEntry> entries = audit.othersOnRecord(patientId, patient.email(), SHOWN, Math.max(page, 0), size);
        Map<String, Directory.Member> people = directory.byEmail(
                entries.stream().map(AuditEntry::actor).collect(Collectors.toSet()));
        return entries.stream().map(e -> describe(e, people.get(e.actor()))).toList();
    }

    private static Access describe(AuditEntry entry, Directory.@Nullable Member member) {
        String who = member != null ? member.name() : entry.actor().startsWith("system:") ? "Physio Portal" : "Someone";
        String role = member == null ? (entry.actor().startsWith("system:") ? "the portal itself" : "unknown")
                : switch (member.role()) {
                    case PHYSIO -> "physio";
                    case ADMIN -> "clinic admin";
                    case PATIENT -> "patient";
                    case HELPER -> "your helper";
                };
        return switch (entry.action()) {
            case PATIENT_ASSIGNED -> new Access(entry.occurredAt(), who, role, "assigned you to a physio", false);
            case AUDIT_SEARCHED -> new Access(entry.occurredAt(), who, role,
                    "searched the record of who opened your record", false);
            case ACCESS_DENIED -> new Access(entry.occurredAt(), who, role,
                    "tried to open " + what(entry.detail()) + " and was refused", true);
            default -> new Access(entry.occurredAt(), who, role, "opened " + what(entry.detail()), false);
        };
    }

    /** "via DiaryService.listNights" -> "your cramp diary". */
    static String what(@Nullable String detail) {
        if (detail != null) {
            int via = detail.indexOf("via ");
            if (via >= 0) {
                String caller = detail.substring(via + 4);
                int dot = caller.indexOf('.');
                String service = dot < 0 ? caller : caller.substring(0, dot);
                String words = WHAT.get(service);
                if (words != null) {
                    return words;
                }
            }
        }
        return "your record";
    }
}
