package app.physioportal.audit;

import org.springframework.data.repository.Repository;

/** Insert only: the audit trail is never updated or deleted by the application. */
interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
