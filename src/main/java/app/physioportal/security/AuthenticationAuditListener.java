package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Every sign-in attempt and sign-out goes into the audit trail. */
@Component
class AuthenticationAuditListener {

    private final AuditService audit;
    private final LoginLockout lockout;

    AuthenticationAuditListener(AuditService audit, LoginLockout lockout) {
        this.audit = audit;
        this.lockout = lockout;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            audit.recordAs(user.email(), AuditAction.LOGIN_SUCCESS, null, null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String email = Account.normaliseEmail(event.getAuthentication().getName());
        if (event.getException() instanceof LockedException) {
            audit.recordAs(email, AuditAction.LOGIN_LOCKED, null, "refused while locked");
            return;
        }
        audit.recordAs(email, AuditAction.LOGIN_FAILURE, null, event.getException().getClass().getSimpleName());
        lockout.lockedUntil(email).ifPresent(until ->
                audit.recordAs(email, AuditAction.ACCOUNT_LOCKED, null, "locked until " + until));
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGOUT, null, null);
    }
}
