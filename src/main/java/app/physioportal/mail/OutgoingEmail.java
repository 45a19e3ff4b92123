package app.physioportal.mail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One email to queue.
 *
 * @param kind           what it is, for the admin's outbox view and the meters ("BEDTIME", "APPOINTMENT_BOOKED")
 * @param accountId      whose it is, if it goes to an account
 * @param dedupeKey      when set, a second email with the same key is refused by the database
 * @param unsubscribeUrl when set, the RFC 8058 one-click unsubscribe address for this kind of email
 * @param expiresAt      when set, an email not sent by then is dropped (a bedtime reminder at breakfast helps nobody)
 */
public record OutgoingEmail(String kind, @Nullable Long accountId, String to, String subject, EmailLayout.Rendered body,
        @Nullable Attachment attachment, @Nullable String unsubscribeUrl, @Nullable String dedupeKey,
        @Nullable Instant expiresAt) {

    /** A text attachment, such as a calendar file. */
    public record Attachment(String name, String contentType, String content) {
    }

    public static OutgoingEmail of(String kind, @Nullable Long accountId, String to, String subject,
            EmailLayout.Rendered body) {
        return new OutgoingEmail(kind, accountId, to, subject, body, null, null, null, null);
    }

    public OutgoingEmail withAttachment(Attachment file) {
        return new OutgoingEmail(kind, accountId, to, subject, body, file, unsubscribeUrl, dedupeKey, expiresAt);
    }

    public OutgoingEmail unsubscribeAt(String url) {
        return new OutgoingEmail(kind, accountId, to, subject, body, attachment, url, dedupeKey, expiresAt);
    }

    public OutgoingEmail once(String key) {
        return new OutgoingEmail(kind, accountId, to, subject, body, attachment, unsubscribeUrl, key, expiresAt);
    }

    public OutgoingEmail expiringAt(Instant when) {
        return new OutgoingEmail(kind, accountId, to, subject, body, attachment, unsubscribeUrl, dedupeKey, when);
    }
}
