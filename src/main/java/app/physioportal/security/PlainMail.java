package app.physioportal.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * A plain-text email from the portal, for notices about an account or a record (never clinical content). Email is
 * a courtesy: a mail server that is down is logged, and what was done stands.
 */
@Component
public class PlainMail {

    private static final Logger log = LoggerFactory.getLogger(PlainMail.class);

    private final JavaMailSender mail;
    private final String from;

    PlainMail(JavaMailSender mail, @Value("${app.mail.from:Physio Portal <no-reply@physio-portal.example>}") String from) {
        this.mail = mail;
        this.from = from;
    }

    public void send(String to, String subject, String text) {
        if (SystemTasks.isSeeding()) {
            return;
        }
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
