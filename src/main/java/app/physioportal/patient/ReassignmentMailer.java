package app.physioportal.patient;

import app.physioportal.security.SystemTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the patient and their previous physio that the patient has a new physio: who sees the record changed, and
 * neither should learn it by surprise. No clinical content; a mail server that is down is logged.
 */
@Component
class ReassignmentMailer {

    private static final Logger log = LoggerFactory.getLogger(ReassignmentMailer.class);

    private final JavaMailSender mail;
    private final String from;

    ReassignmentMailer(JavaMailSender mail,
            @Value("${app.mail.from:Physio Portal <no-reply@physio-portal.example>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(PatientReassigned change) {
        if (SystemTasks.isSeeding()) {
            return;
        }
        send(change.patientEmail(), "Your physio has changed", "Hello " + change.patientName() + ",\n\n"
                + change.newPhysioName() + " is now your physio at the clinic and can see your plan, diary and "
                + "progress. " + change.previousPhysioName() + " no longer can.\n\nYou can see who has opened your "
                + "record on My account, \"Who has seen my record\". Questions? Call the clinic.\n\nPhysio Portal\n");
        send(change.previousPhysioEmail(), "A patient has moved to another physio", "Hello "
                + change.previousPhysioName() + ",\n\n" + change.patientName() + " is now with "
                + change.newPhysioName() + ". Their record no longer appears on your caseload.\n\nPhysio Portal\n");
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException failed) {
            log.warn("Could not send '{}': {}", subject, failed.getMessage());
        }
    }
}
