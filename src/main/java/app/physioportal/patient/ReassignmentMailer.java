package app.physioportal.patient;

import app.physioportal.security.PlainMail;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the patient and their previous physio that the patient has a new physio: who sees the record changed, and
 * neither should learn it by surprise. No clinical content.
 */
@Component
class ReassignmentMailer {

    private final PlainMail mail;

    ReassignmentMailer(PlainMail mail) {
        this.mail = mail;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(PatientReassigned change) {
        mail.send(change.patientEmail(), "Your physio has changed", "Hello " + change.patientName() + ",\n\n"
                + change.newPhysioName() + " is now your physio at the clinic and can see your plan, diary and "
                + "progress. " + change.previousPhysioName() + " no longer can.\n\nYou can see who has opened your "
                + "record on My account, \"Who has seen my record\". Questions? Call the clinic.\n\nPhysio Portal\n");
        mail.send(change.previousPhysioEmail(), "A patient has moved to another physio", "Hello "
                + change.previousPhysioName() + ",\n\n" + change.patientName() + " is now with "
                + change.newPhysioName() + ". Their record no longer appears on your caseload.\n\nPhysio Portal\n");
    }
}
