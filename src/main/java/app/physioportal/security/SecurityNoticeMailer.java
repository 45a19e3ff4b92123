package app.physioportal.security;

import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Queues a security notice in the transaction of the change it reports, so it goes if and only if that commits. */
@Component
class SecurityNoticeMailer {

    private final Outbox outbox;
    private final Clinic clinic;

    SecurityNoticeMailer(Outbox outbox, Clinic clinic) {
        this.outbox = outbox;
        this.clinic = clinic;
    }

    @EventListener
    void send(SecurityNotice notice) {
        if (SystemTasks.isSeeding()) {
            return;
        }
        outbox.enqueue(OutgoingEmail.of("SECURITY_NOTICE", null, notice.email(), notice.subject(),
                EmailLayout.from(clinic.name()).greeting(Clinic.firstName(notice.name())).paragraph(notice.what())
                        .paragraph("If this was you, there is nothing more to do. If it was not, call the clinic "
                                + "today: someone else may know your password.")
                        .render()));
    }
}
