package app.physioportal.security;

import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whose pages the patient-side views show: a patient's own, or, for a helper, the person they chose to help now
 * (remembered for the session; the first person they help until they choose). Asked afresh on every page, so a
 * helper whose access was removed sees nobody's records from their next page on. The services check access again
 * themselves; this only picks the patient.
 */
@Component
public class ActingFor {

    private static final String CHOSEN = ActingFor.class.getName() + ".chosen";

    private final CurrentUser currentUser;
    private final HelperGrants grants;

    ActingFor(CurrentUser currentUser, HelperGrants grants) {
        this.currentUser = currentUser;
        this.grants = grants;
    }

    /** The person whose records the patient-side pages show, as the current user may see them. */
    public record Subject(long patientId, String name, boolean isSelf, boolean mayRecord) {
    }

    @Transactional(readOnly = true)
    public Optional<Subject> subject() {
        Optional<PortalUser> signedIn = currentUser.get();
        if (signedIn.isEmpty()) {
            return Optional.empty();
        }
        PortalUser user = signedIn.get();
        return switch (user.role()) {
            case PATIENT -> Optional.of(new Subject(user.id(), user.displayName(), true, true));
            case HELPER -> {
                List<HelperGrants.Grant> helped = grants.activeOfHelper(user.id());
                Long chosen = chosen();
                yield helped.stream().filter(g -> chosen != null && g.patientId() == chosen).findFirst()
                        .or(() -> helped.stream().findFirst())
                        .map(g -> new Subject(g.patientId(), g.patientName(), false, g.mayRecord()));
            }
            case PHYSIO, ADMIN -> Optional.empty();
        };
    }

    /** Whose pages to show; refuses when there is none (a helper whom nobody has asked any more). */
    public Subject requireSubject() {
        return subject().orElseThrow(() -> new AccessDeniedException("You are not helping anyone at the moment."));
    }

    /** As {@link #requireSubject()}, only the patient's id. */
    public long require() {
        return requireSubject().patientId();
    }

    /** Everyone this helper helps now, to switch between them; empty for anyone else. */
    @Transactional(readOnly = true)
    public List<Subject> choices() {
        return currentUser.get().filter(u -> u.role() == Role.HELPER)
                .map(u -> grants.activeOfHelper(u.id()).stream()
                        .map(g -> new Subject(g.patientId(), g.patientName(), false, g.mayRecord())).toList())
                .orElse(List.of());
    }

    /** A helper switches to another person they help. Refused when they do not help that person now. */
    @Transactional(readOnly = true)
    public void choose(long patientId) {
        if (choices().stream().noneMatch(s -> s.patientId() == patientId)) {
            throw new AccessDeniedException("You are not helping this person.");
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.setAttribute(CHOSEN, patientId);
        }
    }

    private static Long chosen() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? null : (Long) session.getAttribute(CHOSEN);
    }
}
