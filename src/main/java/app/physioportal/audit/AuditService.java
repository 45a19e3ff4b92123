package app.physioportal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditService {

    private static final int MAX_DETAIL = 1000;

    private final AuditEventRepository events;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;

    AuditService(AuditEventRepository events, JdbcTemplate jdbc, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Records an event by the current user. Its own transaction: a refusal that rolls back still leaves its trace. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditAction action, Long patientId, String detail) {
        recordAs(currentActor(), action, patientId, detail);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, AuditAction action, Long patientId, String detail) {
        String safeActor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 254);
        events.save(new AuditEvent(clock.instant(), safeActor, action, patientId, truncate(detail, MAX_DETAIL)));
    }

    /**
     * One event per patient, written by one multi-row insert in one transaction: a caseload of 50 is
     * one page view, and 50 separate inserts and commits made it the slowest page (see bench/).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordForPatients(AuditAction action, List<Long> patientIds, String detail) {
        if (patientIds.isEmpty()) {
            return;
        }
        String actor = currentActor();
        String safeActor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 254);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String safeDetail = truncate(detail, MAX_DETAIL);
        StringBuilder sql = new StringBuilder(
                "insert into audit_event (occurred_at, actor, action, patient_id, detail) values ");
        List<Object> args = new ArrayList<>(patientIds.size() * 5);
        for (Long patientId : patientIds) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            args.addAll(Arrays.asList(now, safeActor, action.name(), patientId, safeDetail));
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    /** What an admin searches the trail by; every part is optional. */
    public record AuditQuery(String actor, Long patientId, Instant from, Instant to) {
    }

    public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, Long patientId,
            String detail) {
    }

    /** Newest first, at most {@code limit}. Admins only: the trail itself names patients. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> search(AuditQuery query, int limit) {
        String actor = query.actor() == null || query.actor().isBlank() ? null
                : "%" + query.actor().strip().toLowerCase(Locale.ROOT) + "%";
        return events.search(actor, query.patientId(), query.from(), query.to(), PageRequest.of(0, limit));
    }

    /** When this actor's events of these kinds happened since a moment, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditTime> timesOf(String actor, Set<AuditAction> actions, Instant since) {
        return events.findTimes(actor, actions, since);
    }

    public record AuditTime(AuditAction action, Instant occurredAt) {
    }

    private String currentActor() {
        Authentication authentication = contexts.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
