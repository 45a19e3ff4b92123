package app.physioportal.security.ui;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Every page a signed-in person is refused goes into the audit trail, whatever their role: a patient trying the
 * caseload's address, an admin trying a patient's diary. (Refusals of a record inside a page are audited by
 * PatientAccess.) Vaadin's own access control still does the refusing; this only records it.
 */
@Component
class RouteDenialAudit implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final AuditService audit;

    RouteDenialAudit(CurrentUser currentUser, AuditService audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        PortalUser user = currentUser.get().orElse(null);
        Class<?> target = event.getNavigationTarget();
        if (user == null || target == null || allowed(target, user.role())) {
            return;
        }
        audit.record(AuditAction.ACCESS_DENIED, null, "page /" + event.getLocation().getPath() + " is not for "
                + user.role());
    }

    static boolean allowed(Class<?> target, Role role) {
        if (target.isAnnotationPresent(DenyAll.class)) {
            return false;
        }
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        return roles == null || Arrays.asList(roles.value()).contains(role.name());
    }
}
