package app.physioportal.audit;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Read only: the audit trail is never updated or deleted by the application, and written only by
 * {@link AuditService}'s own insert.
 */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    @Query("""
            select new app.physioportal.audit.AuditService$AuditTime(e.action, e.occurredAt) from AuditEvent e
            where e.actor = :actor and e.action in :actions and e.occurredAt >= :since order by e.occurredAt, e.id""")
    List<AuditService.AuditTime> findTimes(String actor, Set<AuditAction> actions, Instant since);

    @Query("""
            select new app.physioportal.audit.AuditService$AuditEntry(e.id, e.occurredAt, e.actor, e.action, e.patientId,
                e.detail)
            from AuditEvent e
            where (:actor is null or lower(e.actor) like :actor)
              and (:patientId is null or e.patientId = :patientId)
              and (:from is null or e.occurredAt >= :from)
              and (:to is null or e.occurredAt < :to)
            order by e.id desc""")
    List<AuditService.AuditEntry> search(@Nullable String actor, @Nullable Long patientId, @Nullable Instant from,
            @Nullable Instant to, Pageable page);

    @Query("""
            select new app.physioportal.audit.AuditService$AuditEntry(e.id, e.occurredAt, e.actor, e.action, e.patientId,
                e.detail)
            from AuditEvent e
            where e.patientId = :patientId and e.action in :actions and e.actor <> :except
            order by e.id desc""")
    List<AuditService.AuditEntry> ofPatient(long patientId, Set<AuditAction> actions, String except, Pageable page);
}
