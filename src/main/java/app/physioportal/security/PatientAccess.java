package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides whether the current user may see or change a patient's data: the
 * patient themself, the physio the patient is assigned to right now, or a helper the patient invited (and has not
 * removed). Nobody else, admins included. Every service method that touches patient data calls
 * {@link #check(long)} first; those that write on the patient's side call {@link #checkRecorder(long, String)}.
 */
@Component
public class PatientAccess {

    private final CurrentUser currentUser;
    private final PatientAssignments assignments;
    private final AuditService audit;
    private final HelperGrants helpers;

    PatientAccess(CurrentUser currentUser, PatientAssignments assignments, AuditService audit, HelperGrants helpers) {
        this.currentUser = currentUser;
        this.assignments = assignments;
        this.audit = audit;
        this.helpers = helpers;
    }

    /** Whether the current user is the patient or their physio now. A helper is not: see {@link #checkWithHelpers}. */
    @Transactional(readOnly = true)
    public boolean mayAccess(long patientId) {
        return mayAccess(patientId, false);
    }

    private boolean mayAccess(long patientId, boolean helpersToo) {
        return currentUser.get().map(user -> switch (user.role()) {
            case PATIENT -> user.id() == patientId;
            case PHYSIO -> assignedToPhysio(user.id(), List.of(patientId));
            case ADMIN -> false;
            case HELPER -> helpersToo && helpers.activeMayRecord(user.id(), patientId).isPresent();
        }).orElse(false);
    }

    /**
     * As {@link #check(long)}, and a helper the patient invited may read too: for what a helper sees (Today, the plan,
     * the diary, progress, appointments). Everything else ({@link #check(long)}: clinical notes, messages, the
     * profile, settings) refuses helpers by default.
     */
    @Transactional(readOnly = true)
    public PortalUser checkWithHelpers(long patientId) {
        return check(patientId, true);
    }

    /**
     * As {@link #check(long)}, for writing on the patient's side (the diary, ticks): the patient themself, or a helper
     * the patient allowed to record. A helper who may only view, and staff, are refused and audited.
     */
    @Transactional(readOnly = true)
    public PortalUser checkRecorder(long patientId, String action) {
        PortalUser user = currentUser.get().filter(u -> u.role() == Role.HELPER).orElse(null);
        boolean allowed;
        if (user != null) {
            // One read of the grant answers both "may see" and "may record".
            Optional<Boolean> mayRecord = helpers.activeMayRecord(user.id(), patientId);
            if (mayRecord.isEmpty()) {
                return check(patientId, true);
            }
            auditAccess(user, patientId);
            allowed = mayRecord.get();
        } else {
            user = check(patientId, true);
            allowed = user.role() == Role.PATIENT;
        }
        if (!allowed) {
            audit.record(AuditAction.ACCESS_DENIED, patientId, action + " is for the patient or a helper allowed to "
                    + "record, not " + user.role() + ", via " + caller());
            throw new AccessDeniedException(user.role() == Role.HELPER
                    ? "You may see this person's records but not record for them. They can change that under My helpers."
                    : "Only the patient may " + action + ".");
        }
        return user;
    }

    /** As {@link #check(long)}, refusing a helper who may only view: for changes staff may make too (booking). */
    @Transactional(readOnly = true)
    public PortalUser checkNotViewOnly(long patientId, String action) {
        if (currentUser.get().filter(u -> u.role() == Role.HELPER).isPresent()) {
            return checkRecorder(patientId, action);
        }
        return check(patientId, true);
    }

    /**
     * Refuses (and audits the refusal) unless the current user may access this patient. Access by
     * anyone but the patient themself is audited too, naming the service method that asked.
     */
    @Transactional(readOnly = true)
    public PortalUser check(long patientId) {
        return check(patientId, false);
    }

    private PortalUser check(long patientId, boolean helpersToo) {
        if (!mayAccess(patientId, helpersToo)) {
            audit.record(AuditAction.ACCESS_DENIED, patientId, "via " + caller());
            throw new AccessDeniedException("You do not have access to this patient's records.");
        }
        PortalUser user = currentUser.require();
        auditAccess(user, patientId);
        return user;
    }

    /** Access by anyone but the patient themself is audited, once per patient and request, naming the caller. */
    private void auditAccess(PortalUser user, long patientId) {
        if (user.id() != patientId && !SystemTasks.unseen() && firstTimeThisRequest(patientId)) {
            audit.record(AuditAction.RECORD_ACCESSED, patientId, "via " + caller());
        }
    }

    /**
     * As {@link #check(long)}, and the caller must be acting as {@code role} for this patient: the patient
     * themself, or their physio. Every refusal is audited with what was attempted, so all services refuse alike.
     */
    @Transactional(readOnly = true)
    public PortalUser checkAs(long patientId, Role role, String action) {
        PortalUser user = check(patientId);
        if (user.role() != role) {
            String who = role == Role.PHYSIO ? "the patient's physio" : "the patient";
            audit.record(AuditAction.ACCESS_DENIED, patientId, action + " is for " + who + ", not " + user.role()
                    + ", via " + caller());
            throw new AccessDeniedException("Only " + who + " may " + action + ".");
        }
        return user;
    }

    /**
     * One page shown to a physio asks several services about the same patient; one audit record per
     * patient and request says it just as well. Outside a web request (tests, start-up) every access counts.
     */
    @SuppressWarnings("unchecked")
    private static boolean firstTimeThisRequest(long patientId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return true;
        }
        String key = PatientAccess.class.getName() + ".audited";
        Set<Long> audited = (Set<Long>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (audited == null) {
            audited = new HashSet<>();
            request.setAttribute(key, audited, RequestAttributes.SCOPE_REQUEST);
        }
        return audited.add(patientId);
    }

    /**
     * The whole list at once, for overviews such as the caseload: one query for the assignments, and
     * an audit record per patient. Refuses the whole list when any one is not the caller's.
     */
    @Transactional(readOnly = true)
    public PortalUser checkAll(Collection<Long> patientIds) {
        PortalUser user = currentUser.require();
        boolean allowed = switch (user.role()) {
            case PATIENT -> patientIds.stream().allMatch(id -> id == user.id());
            case PHYSIO -> assignedToPhysio(user.id(), patientIds);
            case ADMIN -> patientIds.isEmpty();
            case HELPER -> false;
        };
        if (!allowed) {
            audit.record(AuditAction.ACCESS_DENIED, null, "list of " + patientIds.size() + " patients via " + caller());
            throw new AccessDeniedException("You do not have access to these patients' records.");
        }
        if (user.role() != Role.PATIENT && !SystemTasks.unseen()) {
            List<Long> firstTime = patientIds.stream().distinct().filter(PatientAccess::firstTimeThisRequest).toList();
            if (!firstTime.isEmpty()) {
                audit.recordForPatients(AuditAction.RECORD_ACCESSED, firstTime, "via " + caller());
            }
        }
        return user;
    }

    /**
     * Whether all these patients are assigned to this physio now. A page asks several services about the
     * same patients within one web request; the assignment is read once per request (a reassignment
     * takes effect at the next request), and only grants are remembered, never refusals.
     */
    @SuppressWarnings("unchecked")
    private boolean assignedToPhysio(long physioId, Collection<Long> patientIds) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Set<Long> granted = null;
        if (request != null) {
            String key = PatientAccess.class.getName() + ".granted." + physioId;
            granted = (Set<Long>) request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
            if (granted == null) {
                granted = new HashSet<>();
                request.setAttribute(key, granted, RequestAttributes.SCOPE_REQUEST);
            }
            if (granted.containsAll(patientIds)) {
                return true;
            }
        }
        boolean all = patientIds.size() == 1
                ? assignments.physioOf(patientIds.iterator().next()).filter(p -> p == physioId).isPresent()
                : assignments.physioOfEach(patientIds).values().stream().filter(p -> p == physioId).count()
                        == patientIds.stream().distinct().count();
        if (all && granted != null) {
            granted.addAll(patientIds);
        }
        return all;
    }

    /** The first method of the portal's own code outside this class, e.g. "DiaryService.listNights". */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("app.physioportal.")
                        && !f.getClassName().equals(PatientAccess.class.getName())
                        && !f.getClassName().contains("$$"))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("unknown"));
    }
}
