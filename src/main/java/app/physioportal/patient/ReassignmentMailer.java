package app.physioportal.patient;

import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import app.physioportal.security.SystemTasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the patient and their previous physio that the patient has a new physio: who sees the record changed, and
 * neither should learn it by surprise. No clinical content. Queued with the reassignment itself.
 */
@Component
class ReassignmentMailer {

    private final Outbox outbox;
    private final Clinic clinic;

    ReassignmentMailer(Outbox outbox, Clinic clinic) {
        this.outbox = outbox;
        this.clinic = clinic;
    }

    @EventListener
    void send(PatientReassigned change) {
        if (SystemTasks.isSeeding()) {
            return;
        }
        outbox.enqueue(OutgoingEmail.of("PHYSIO_CHANGED", change.patientId(), change.patientEmail(),
                "Your physio has changed", EmailLayout.from(clinic.name())
                        .greeting(Clinic.firstName(change.patientName()))
                        .paragraph(change.newPhysioName() + " is now your physio at the clinic and can see your plan, "
                                + "diary and progress. " + change.previousPhysioName() + " no longer can.")
                        .paragraph("You can see who has opened your record on My account, \"Who has seen my "
                                + "record\". Questions? Call the clinic.")
                        .render()));
        outbox.enqueue(OutgoingEmail.of("PATIENT_MOVED", null, change.previousPhysioEmail(),
                "A patient has moved to another physio", EmailLayout.from(clinic.name())
                        .greeting(Clinic.firstName(change.previousPhysioName()))
                        .paragraph(change.patientName() + " is now with " + change.newPhysioName()
                                + ". Their record no longer appears on your caseload.")
                        .render()));
    }
}
