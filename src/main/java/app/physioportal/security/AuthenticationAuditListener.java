package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.BadCredentialsException;
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
        if (event.getAuthentication() instanceof PasswordOnlyAuthentication pending) {
            PortalUser user = pending.getPrincipal();
            audit.recordAs(user.email(), AuditAction.LOGIN_SUCCESS, user.role() == Role.PATIENT ? user.id() : null,
                    "password; second factor next");
        } else if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            audit.recordAs(user.email(), AuditAction.LOGIN_SUCCESS, null, null);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String email = Account.normaliseEmail(event.getAuthentication().getName());
        String address = LockoutAuthenticationProvider.addressOf(event.getAuthentication());
        if (event.getException() instanceof SignInPaused paused) {
            audit.recordAs(email, AuditAction.LOGIN_LOCKED, null,
                    "from " + address + ", refused while it waits until " + paused.until());
            return;
        }
        audit.recordAs(email, AuditAction.LOGIN_FAILURE, null,
                event.getException().getClass().getSimpleName() + " from " + address);
        if (event.getException() instanceof BadCredentialsException) {
            lockout.waitUntil(email, address).ifPresent(until -> audit.recordAs(email, AuditAction.ACCOUNT_LOCKED,
                    null, "sign-in from " + address + " paused until " + until));
        }
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.LOGOUT, null, null);
    }
}
