package app.physioportal.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** One version of a plan: written once, never changed, so the history stays what the patient was told. */
@Entity
@Immutable
@Table(name = "plan_version")
class PlanVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false)
    private Long planId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "author_name", nullable = false, length = 120)
    private String authorName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "answers_message_id")
    private Long answersMessageId;

    protected PlanVersion() {
    }

    PlanVersion(long planId, int versionNumber, String reason, long authorId, String authorName, Instant createdAt,
            LocalDate effectiveFrom) {
        this.planId = planId;
        this.versionNumber = versionNumber;
        this.reason = reason;
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = createdAt;
        this.effectiveFrom = effectiveFrom;
    }

    /** The patient's message this change answers, if the physio made it from one. */
    Long getAnswersMessageId() {
        return answersMessageId;
    }

    PlanVersion answering(Long messageId) {
        this.answersMessageId = messageId;
        return this;
    }

    Long getPlanId() {
        return planId;
    }

    Long getId() {
        return id;
    }

    int getVersionNumber() {
        return versionNumber;
    }

    String getReason() {
        return reason;
    }

    String getAuthorName() {
        return authorName;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }
}
