package app.physioportal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Sends security notices once the change is committed; a mail server that is down is logged, the change stands. */
@Component
class SecurityNoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(SecurityNoticeMailer.class);

    private final JavaMailSender mail;
    private final String from;

    SecurityNoticeMailer(JavaMailSender mail,
            @Value("${app.mail.from:Physio Portal <no-reply@physio-portal.example>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(SecurityNotice notice) {
        if (SystemTasks.isSeeding()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(notice.email());
        message.setSubject(notice.subject());
        message.setText("Hello " + notice.name() + ",\n\n" + notice.what()
                + "\n\nIf this was you, there is nothing more to do. If it was not, call the clinic today: someone "
                + "else may know your password.\n\nPhysio Portal\n");
        try {
            mail.send(message);
        } catch (MailException failed) {
            log.warn("Could not send the security notice '{}' to account email: {}", notice.subject(),
                    failed.getMessage());
        }
    }
}
