package app.physioportal.security;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Sends security notices once the change is committed. */
@Component
class SecurityNoticeMailer {

    private final PlainMail mail;

    SecurityNoticeMailer(PlainMail mail) {
        this.mail = mail;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(SecurityNotice notice) {
        mail.send(notice.email(), notice.subject(), "Hello " + notice.name() + ",\n\n" + notice.what()
                + "\n\nIf this was you, there is nothing more to do. If it was not, call the clinic today: someone "
                + "else may know your password.\n\nPhysio Portal\n");
    }
}
