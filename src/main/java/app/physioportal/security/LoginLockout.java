package app.physioportal.security;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.audit.AuditService.AuditTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the lock state of an email from the audit trail, so every app instance sharing the database
 * agrees on it without a separate table.
 */
@Component
class LoginLockout {

    private final AuditService audit;
    private final Clock clock;

    LoginLockout(AuditService audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Instant> lockedUntil(String email) {
        Instant now = clock.instant();
        List<AuditTime> events = audit.timesOf(Account.normaliseEmail(email),
                Set.of(AuditAction.LOGIN_FAILURE, AuditAction.LOGIN_SUCCESS), LockoutPolicy.lookBackFrom(now));
        List<Instant> failures = new ArrayList<>();
        for (AuditTime event : events) {
            if (event.action() == AuditAction.LOGIN_SUCCESS) {
                failures.clear();
            } else {
                failures.add(event.occurredAt());
            }
        }
        return LockoutPolicy.lockedUntil(failures, now);
    }
}
