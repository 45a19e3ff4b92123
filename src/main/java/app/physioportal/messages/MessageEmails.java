package app.physioportal.messages;

import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.Outbox;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.reminders.ReminderKind;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.reminders.Unsubscribe;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "You have a new message": never the message itself nor who the patient is, at most one per conversation and
 * recipient an hour (across instances: whoever moves the row's time forward sends), only to someone whose message
 * emails are on, with a one-click unsubscribe. Queued in the sender's transaction through the outbox.
 */
@Component
class MessageEmails {

    static final Duration AT_MOST_EVERY = Duration.ofHours(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final Outbox outbox;
    private final Directory directory;
    private final ReminderSettingsService settings;
    private final Unsubscribe unsubscribe;
    private final PortalAddress portal;
    private final Clinic clinic;

    MessageEmails(NamedParameterJdbcTemplate jdbc, Outbox outbox, Directory directory,
            ReminderSettingsService settings, Unsubscribe unsubscribe, PortalAddress portal, Clinic clinic) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.directory = directory;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.portal = portal;
        this.clinic = clinic;
    }

    /** Returns whether an email was queued. */
    boolean notify(long patientId, long recipientId, boolean fromPatient, Instant now) {
        if (!settings.forAccounts(List.of(recipientId)).get(recipientId).wants(ReminderKind.MESSAGES)) {
            return false;
        }
        if (!takeTurn(patientId, recipientId, now)) {
            return false;
        }
        Person recipient = directory.people(List.of(recipientId)).get(recipientId);
        if (recipient == null) {
            return false;
        }
        String subject = fromPatient ? "A patient has sent you a message" : "You have a new message from your physio";
        EmailLayout body = EmailLayout.from(clinic.name()).greeting(app.physioportal.clinic.Clinic.firstName(
                recipient.name()));
        if (fromPatient) {
            body.paragraph("One of your patients has written to you in Physio Portal. Sign in to read it; your "
                    + "inbox lists the conversations waiting for an answer first.")
                    .button("Open my inbox", portal.link("inbox"));
        } else {
            body.paragraph("Your physio has written to you in Physio Portal. Sign in to read it.")
                    .button("Read the message", portal.link("messages"));
        }
        body.paragraph("For your privacy this email never contains the message. We send at most one an hour.");
        body.unsubscribe(ReminderKind.MESSAGES.inWords(), unsubscribe.pageLink(recipientId, ReminderKind.MESSAGES));
        return outbox.enqueue(OutgoingEmail.of("MESSAGE", recipientId, recipient.email(), subject, body.render())
                .unsubscribeAt(unsubscribe.oneClickLink(recipientId, ReminderKind.MESSAGES)));
    }

    /** Moves the conversation's last email time to now if the last was over an hour ago (or there was none). */
    private boolean takeTurn(long patientId, long recipientId, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("patient", patientId).addValue("recipient", recipientId)
                .addValue("now", Timestamp.from(now)).addValue("before", Timestamp.from(now.minus(AT_MOST_EVERY)));
        if (jdbc.update("update message_notice set last_emailed_at = :now where patient_id = :patient"
                + " and recipient_id = :recipient and last_emailed_at <= :before", p) == 1) {
            return true;
        }
        Integer rows = jdbc.queryForObject("select count(*) from message_notice where patient_id = :patient"
                + " and recipient_id = :recipient", p, Integer.class);
        if (rows != null && rows > 0) {
            return false;
        }
        try {
            jdbc.update("insert into message_notice (patient_id, recipient_id, last_emailed_at)"
                    + " values (:patient, :recipient, :now)", p);
            return true;
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        }
    }
}
