package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Every sign-in attempt and sign-out goes into the audit trail. */
@Component
class AuthenticationAuditListener {

    private final AuditService audit;

    AuthenticationAuditListener(AuditService audit) {
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            audit.recordAs(user.email(), AuditAction.LOGIN_SUCCESS, null, null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        audit.recordAs(Account.normaliseEmail(event.getAuthentication().getName()), AuditAction.LOGIN_FAILURE, null,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGOUT, null, null);
    }
}
