package app.physioportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: the audit trail is never updated or deleted by the application. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    @Query("""
            select new app.physioportal.audit.AuditService$AuditTime(e.action, e.occurredAt) from AuditEvent e
            where e.actor = :actor and e.action in :actions and e.occurredAt >= :since order by e.occurredAt, e.id""")
    List<AuditService.AuditTime> findTimes(String actor, Set<AuditAction> actions, Instant since);
}
