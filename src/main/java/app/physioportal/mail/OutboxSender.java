package app.physioportal.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued email. Each row is claimed with one conditional update (PENDING to SENDING), so however many
 * instances and threads send, a row goes out through one of them. A failure waits longer each time (30 s, 1 min,
 * 2 min, ... up to an hour) and after {@value #MAX_ATTEMPTS} attempts the row is FAILED for the admin to see and
 * retry. A row left SENDING by an instance that died mid-send goes back to PENDING after ten minutes: the one case
 * where an email could arrive twice (it carries the same Message-ID, which mail clients use to fold duplicates).
 */
@Component
class OutboxSender {

    static final int MAX_ATTEMPTS = 12;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    /** Sent emails keep their row (who, what kind, when) but not their content after this. */
    private static final Duration KEEP_CONTENT = Duration.ofDays(30);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final JavaMailSender mail;
    private final Clock clock;
    private final String from;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox")
            .daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();
    private Instant lastPurge;

    OutboxSender(JdbcTemplate jdbc, JavaMailSender mail, Clock clock,
            @Value("${app.mail.from:Physio Portal <no-reply@physio-portal.example>}") String from, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
    }

    /** Sends what is due soon, off the caller's thread; many wakes while one run waits fold into that run. */
    void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    sendDue();
                });
            } catch (RejectedExecutionException shuttingDown) {
                queued.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${app.mail.outbox.poll:20s}", initialDelayString = "${app.mail.outbox.poll:20s}")
    void poll() {
        wake();
    }

    /** One pass: housekeeping, then every due row. Returns how many were sent. */
    synchronized int sendDue() {
        try {
            Instant now = clock.instant();
            jdbc.update("update outbox_email set status = 'PENDING', claimed_at = null where status = 'SENDING'"
                    + " and claimed_at < ?", Timestamp.from(now.minus(STALE_CLAIM)));
            jdbc.update("update outbox_email set status = 'EXPIRED', last_error = 'not sent before it stopped being"
                    + " useful' where status = 'PENDING' and expires_at is not null and expires_at <= ?",
                    Timestamp.from(now));
            if (lastPurge == null || !now.isBefore(lastPurge.plus(PURGE_EVERY))) {
                // Hourly, not every pass: the sent rows are most of the table.
                jdbc.update("update outbox_email set text_body = '', html_body = '', attachment = null"
                        + " where status = 'SENT' and sent_at < ? and text_body <> ''",
                        Timestamp.from(now.minus(KEEP_CONTENT)));
                lastPurge = now;
            }
            int sent = 0;
            List<Long> due = jdbc.queryForList("select id from outbox_email where status = 'PENDING'"
                    + " and next_attempt_at <= ? order by id limit 100", Long.class, Timestamp.from(now));
            for (long id : due) {
                if (claim(id) && send(id)) {
                    sent++;
                }
            }
            return sent;
        } catch (RuntimeException databaseAway) {
            // The next poll tries again; the rows wait in the database.
            log.warn("Outbox pass failed: {}", databaseAway.getMessage());
            return 0;
        }
    }

    private boolean claim(long id) {
        return jdbc.update("update outbox_email set status = 'SENDING', claimed_at = ? where id = ? and status = 'PENDING'",
                Timestamp.from(clock.instant()), id) == 1;
    }

    private boolean send(long id) {
        Row row = jdbc.queryForObject("select * from outbox_email where id = ?", (r, i) -> new Row(r.getLong("id"),
                r.getString("recipient"), r.getString("subject"), r.getString("text_body"), r.getString("html_body"),
                r.getString("attachment_name"), r.getString("attachment_type"), r.getString("attachment"),
                r.getString("unsubscribe_url"), r.getInt("attempts")), id);
        try {
            mail.send(message(row));
            jdbc.update("update outbox_email set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null"
                    + " where id = ?", Timestamp.from(clock.instant()), id);
            MailMeters.count(meters, "sent");
            return true;
        } catch (MailException | MessagingException | java.io.IOException failed) {
            int attempts = row.attempts() + 1;
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 16));
            if (wait.compareTo(LONGEST_WAIT) > 0) {
                wait = LONGEST_WAIT;
            }
            String error = reason(failed);
            jdbc.update("update outbox_email set status = ?, attempts = ?, next_attempt_at = ?, claimed_at = null,"
                    + " last_error = ? where id = ?", giveUp ? "FAILED" : "PENDING", attempts,
                    Timestamp.from(clock.instant().plus(wait)), error.substring(0, Math.min(error.length(), 500)), id);
            log.warn("Email {} not sent (attempt {}{}): {}", id, attempts, giveUp ? ", giving up" : "", error);
            MailMeters.count(meters, giveUp ? "failed" : "retry");
            return false;
        }
    }

    /** The innermost cause, in words the admin can act on ("ConnectException: Connection refused"). */
    private static String reason(Exception failed) {
        Throwable root = failed;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(long id, String to, String subject, String text, String html, String attachmentName,
            String attachmentType, String attachment, String unsubscribeUrl, int attempts) {
    }

    private MimeMessage message(Row row) throws MessagingException, java.io.IOException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        helper.setFrom(from);
        helper.setTo(row.to());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        if (row.attachmentName() != null && row.attachment() != null) {
            helper.addAttachment(row.attachmentName(), new ByteArrayDataSource(row.attachment(), row.attachmentType()));
        }
        if (row.unsubscribeUrl() != null) {
            // RFC 8058: the mail client offers "Unsubscribe" and POSTs List-Unsubscribe=One-Click to the address.
            message.setHeader("List-Unsubscribe", "<" + row.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("Message-ID", "<outbox-" + row.id() + "@physio-portal>");
        return message;
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }
}
