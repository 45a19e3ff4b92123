package app.physioportal.mail;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox in tests. Emails queued by earlier tests while no mail server listened wait for a retry; a test that
 * starts GreenMail clears them first, so only its own emails arrive.
 */
@Component
public class Outboxes {

    private final JdbcTemplate jdbc;
    private final OutboxSender sender;

    Outboxes(JdbcTemplate jdbc, OutboxSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    /** Drops every email not yet sent. */
    public void clear() {
        synchronized (sender) {
            jdbc.update("delete from outbox_email where status <> 'SENT'");
        }
    }

    /** Sends what is due now, in this thread. */
    public int sendDue() {
        return sender.sendDue();
    }

    /**
     * Sends everything waiting and returns when nothing is (the mail server must be up): emails the test's own set-up
     * caused have then arrived, and a purge of the inbox afterwards leaves only what the test does next.
     */
    public void drain() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            sender.sendDue();
            Integer waiting = jdbc.queryForObject("select count(*) from outbox_email where status in ('PENDING',"
                    + " 'SENDING')", Integer.class);
            return waiting != null && waiting == 0;
        });
    }

    /** The messages an SMTP test server received for this address. */
    public static List<jakarta.mail.internet.MimeMessage> receivedBy(
            com.icegreen.greenmail.base.GreenMailOperations greenMail, String recipient) {
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return com.icegreen.greenmail.util.GreenMailUtil.getAddressList(m.getAllRecipients()).contains(recipient);
            } catch (jakarta.mail.MessagingException unreadable) {
                throw new IllegalStateException(unreadable);
            }
        }).toList();
    }

    /**
     * The token of the newest link to {@code path} ("welcome", "reset-password", "confirm-email") in an email queued
     * for this address, read from the email as its reader would.
     */
    public String linkToken(String recipient, String path) {
        List<String> bodies = jdbc.queryForList("select text_body from outbox_email where recipient = ? order by id desc",
                String.class, recipient);
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/" + path + "\\?t=([A-Za-z0-9_-]+)");
        return bodies.stream().map(link::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1))
                .findFirst().orElseThrow(() -> new AssertionError("no email to " + recipient + " links to " + path));
    }

    public List<Map<String, Object>> rowsTo(String recipient) {
        return jdbc.queryForList("select id, kind, status, attempts, dedupe_key, last_error from outbox_email"
                + " where recipient = ? order by id", recipient);
    }
}
