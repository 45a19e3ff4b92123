package app.physioportal.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 254)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, columnDefinition = "varchar(40)")
    private AuditAction action;

    @Column(name = "patient_id")
    private Long patientId;

    @Column(length = 1000)
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, Long patientId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.patientId = patientId;
        this.detail = detail;
    }
}
