package app.physioportal.mail;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues email in the caller's transaction: if the change rolls back, so does its email; once it commits, the
 * email is on disk and goes out even if the mail server is down or the portal restarts. The sender is woken
 * after commit, and polls as well.
 */
@Service
public class Outbox {

    /** One row of the admin's view: no bodies, which may name exercises. */
    public record Entry(long id, String kind, String recipient, String subject, String status, int attempts,
            Instant createdAt, @Nullable Instant sentAt, @Nullable Instant nextAttemptAt, @Nullable String lastError) {
    }

    public record Counts(int pending, int failed, int sentToday) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxSender sender;
    private final AuditService audit;
    private final MeterRegistry meters;

    Outbox(JdbcTemplate jdbc, Clock clock, OutboxSender sender, AuditService audit, MeterRegistry meters) {
        this.audit = audit;
        this.meters = meters;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sender = sender;
    }

    /**
     * Queues the email in the current transaction (or its own, if there is none). Returns false, and queues
     * nothing, when an email with the same dedupe key was queued before.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean enqueue(OutgoingEmail email) {
        // Whole microseconds, as the column keeps them (H2 rounds, MariaDB truncates): "due now" means now.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        OutgoingEmail.Attachment file = email.attachment();
        try {
            jdbc.update("insert into outbox_email (dedupe_key, kind, account_id, recipient, subject, text_body, html_body,"
                    + " attachment_name, attachment_type, attachment, unsubscribe_url, status, attempts, next_attempt_at,"
                    + " expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                    email.dedupeKey(), email.kind(), email.accountId(), email.to(), email.subject(), email.body().text(),
                    email.body().html(), file == null ? null : file.name(), file == null ? null : file.contentType(),
                    file == null ? null : file.content(), email.unsubscribeUrl(), Timestamp.from(now),
                    email.expiresAt() == null ? null : Timestamp.from(email.expiresAt()), Timestamp.from(now));
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
        wakeSenderAfterCommit();
        return true;
    }

    /**
     * The latest emails, newest first, those needing a look first: failed, then waiting, then sent or dropped. Two
     * short queries rather than one sort of the whole table, which is mostly sent rows.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Entry> recent(int limit) {
        List<Entry> entries = new java.util.ArrayList<>(query("status = 'FAILED'", limit));
        entries.addAll(query("status in ('PENDING', 'SENDING')", limit - entries.size()));
        entries.addAll(query("status in ('SENT', 'EXPIRED')", limit - entries.size()));
        return entries;
    }

    private List<Entry> query(String where, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.query("select id, kind, recipient, subject, status, attempts, created_at, sent_at, next_attempt_at,"
                + " last_error from outbox_email where " + where + " order by id desc limit ?", (row, i) -> new Entry(
                row.getLong("id"), row.getString("kind"), row.getString("recipient"), row.getString("subject"),
                row.getString("status"), row.getInt("attempts"), row.getTimestamp("created_at").toInstant(),
                instant(row.getTimestamp("sent_at")),
                "PENDING".equals(row.getString("status")) ? instant(row.getTimestamp("next_attempt_at")) : null,
                row.getString("last_error")), limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Counts counts() {
        Instant dayAgo = clock.instant().minusSeconds(24 * 3600);
        Integer pending = jdbc.queryForObject("select count(*) from outbox_email where status in ('PENDING', 'SENDING')",
                Integer.class);
        Integer failed = jdbc.queryForObject("select count(*) from outbox_email where status = 'FAILED'", Integer.class);
        Integer sent = jdbc.queryForObject("select count(*) from outbox_email where status = 'SENT' and sent_at >= ?",
                Integer.class, Timestamp.from(dayAgo));
        return new Counts(pending == null ? 0 : pending, failed == null ? 0 : failed, sent == null ? 0 : sent);
    }

    /** The admin sends a failed email again (after fixing the mail settings, say). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean retry(long id) {
        int changed = jdbc.update("update outbox_email set status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                + " last_error = null where id = ? and status = 'FAILED'", Timestamp.from(clock.instant()), id);
        if (changed == 1) {
            audit.record(AuditAction.EMAIL_RETRIED, null, "email " + id);
            wakeSenderAfterCommit();
        }
        return changed == 1;
    }

    /** The sender looks for the row once it is committed (at once, outside a transaction); only then is it counted. */
    private void wakeSenderAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            MailMeters.count(meters, "queued");
            sender.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                MailMeters.count(meters, "queued");
                sender.wake();
            }
        });
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
