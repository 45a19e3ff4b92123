package app.physioportal.audit;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditService {

    private static final int MAX_DETAIL = 1000;

    private final AuditEventRepository events;
    private final HikariDataSource writerPool;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;
    private final AuditMeters meters;

    AuditService(AuditEventRepository events, DataSourceProperties database, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> strategy, Environment environment, MeterRegistry meters) {
        this.meters = new AuditMeters(meters);
        this.events = events;
        this.writerPool = writerPool(database, environment);
        this.clock = clock;
        this.contexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /**
     * Audit records are written through a small pool of their own, each insert committing at once. A
     * record is often written while the request it audits holds a connection of the main pool inside its
     * transaction; taking a second connection from that same pool deadlocked under load (every connection
     * held by a request waiting for one more: found by the two-instance booking benchmark in bench/). The
     * audit pool's connections are held for one insert and wait for nothing else. Committing on its own
     * also keeps the trace of a refusal whose transaction then rolls back.
     */
    private static HikariDataSource writerPool(DataSourceProperties database, Environment environment) {
        HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("audit-writer");
        // The main pool's timeouts (application.properties, "Database away"), so neither waits long for a database
        // that is away.
        pool.setConnectionTimeout(environment.getProperty("spring.datasource.hikari.connection-timeout", Long.class,
                pool.getConnectionTimeout()));
        pool.setValidationTimeout(environment.getProperty("spring.datasource.hikari.validation-timeout", Long.class,
                pool.getValidationTimeout()));
        pool.setKeepaliveTime(environment.getProperty("spring.datasource.hikari.keepalive-time", Long.class,
                pool.getKeepaliveTime()));
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        return pool;
    }

    @PreDestroy
    void closeWriterPool() {
        writerPool.close();
    }

    /** Records an event by the current user, committed at once: a refusal that rolls back still leaves its trace. */
    public void record(AuditAction action, Long patientId, String detail) {
        recordAs(currentActor(), action, patientId, detail);
    }

    public void recordAs(String actor, AuditAction action, Long patientId, String detail) {
        insert(actor, action, Collections.singletonList(patientId), detail);
    }

    /** One event per patient, in one multi-row insert: a caseload of 50 is one page view. */
    public void recordForPatients(AuditAction action, List<Long> patientIds, String detail) {
        if (!patientIds.isEmpty()) {
            insert(currentActor(), action, patientIds, detail);
        }
    }

    private void insert(String actor, AuditAction action, List<Long> patientIds, String detail) {
        String safeActor = actor == null || actor.isBlank() ? "anonymous" : truncate(actor, 254);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String safeDetail = truncate(detail, MAX_DETAIL);
        StringBuilder sql = new StringBuilder(
                "insert into audit_event (occurred_at, actor, action, patient_id, detail) values ");
        for (int i = 0; i < patientIds.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        // Plain JDBC on purpose: a JdbcTemplate would bind the connection to the caller's transaction and
        // hold it until that ends, so requests waiting on each other could again exhaust the pool.
        try (Connection connection = writerPool.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int column = 1;
            for (Long patientId : patientIds) {
                insert.setObject(column++, now);
                insert.setString(column++, safeActor);
                insert.setString(column++, action.name());
                insert.setObject(column++, patientId, Types.BIGINT);
                insert.setString(column++, safeDetail);
            }
            insert.executeUpdate();
            meters.recorded(action, patientIds.size());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not write the audit record " + action, e);
        }
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
        // Searching the trail is itself recorded: who looked for whom, and when.
        record(AuditAction.AUDIT_SEARCHED, query.patientId(), "actor " + (query.actor() == null || query.actor().isBlank()
                ? "any" : "'" + truncate(query.actor().strip(), 60) + "'") + ", patient "
                + (query.patientId() == null ? "any" : query.patientId()) + ", from " + query.from() + " to " + query.to());
        String actor = query.actor() == null || query.actor().isBlank() ? null
                : "%" + query.actor().strip().toLowerCase(Locale.ROOT) + "%";
        return events.search(actor, query.patientId(), query.from(), query.to(), PageRequest.of(0, limit));
    }

    /**
     * What others did with one patient's record, newest first, a page at a time: for the patient's own "who has
     * seen my record" (the caller checks that it is the patient asking).
     */
    @PreAuthorize("hasRole('PATIENT')")
    @Transactional(readOnly = true)
    public List<AuditEntry> othersOnRecord(long patientId, String patientEmail, Set<AuditAction> actions, int page,
            int size) {
        return events.ofPatient(patientId, actions, patientEmail, PageRequest.of(page, size));
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
