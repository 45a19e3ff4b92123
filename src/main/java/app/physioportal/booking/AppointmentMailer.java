package app.physioportal.booking;

import app.physioportal.clinic.Clinic;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import app.physioportal.security.SystemTasks;

/**
 * Emails the patient (and, when the patient made the change, the physio) with a calendar attachment. Runs
 * only after the booking committed; a mail server that is down is logged and the booking stands.
 */
@Component
class AppointmentMailer {

    private static final Logger log = LoggerFactory.getLogger(AppointmentMailer.class);

    private final JavaMailSender mail;
    private final Clock clock;
    private final Clinic clinic;
    private final String from;
    private final String clinicAddress;

    AppointmentMailer(JavaMailSender mail, Clock clock, Clinic clinic,
            @Value("${app.mail.from:Physio Portal <no-reply@physio-portal.example>}") String from,
            @Value("${app.clinic.address:The clinic}") String clinicAddress) {
        this.mail = mail;
        this.clock = clock;
        this.clinic = clinic;
        this.from = from;
        this.clinicAddress = clinicAddress;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onAppointmentChanged(AppointmentChanged change) {
        if (SystemTasks.isSeeding()) {
            // Demo history and other start-up work: nobody is waiting for these emails.
            return;
        }
        String ics = IcsCalendar.of(change, clock.instant(), clinicAddress);
        send(change.patientEmail(), subject(change), patientText(change), ics, change);
        if (change.byPatient()) {
            send(change.physioEmail(), subject(change) + " (" + change.patientName() + ")", physioText(change), ics,
                    change);
        }
    }

    private void send(String to, String subject, String text, String ics, AppointmentChanged change) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            String method = change.kind() == AppointmentChanged.Kind.CANCELLED ? "CANCEL" : "REQUEST";
            helper.addAttachment("appointment.ics",
                    new ByteArrayDataSource(ics, "text/calendar; charset=UTF-8; method=" + method));
            mail.send(message);
        } catch (MailException | MessagingException | java.io.IOException failed) {
            // The appointment is committed and shown in the portal; a lost email must not undo it.
            log.warn("Could not email {} about appointment {} ({}): {}", to, change.appointmentId(), change.kind(),
                    failed.getMessage());
        }
    }

    private static String subject(AppointmentChanged change) {
        return switch (change.kind()) {
            case BOOKED -> "Appointment booked";
            case RESCHEDULED -> "Appointment moved";
            case CANCELLED -> "Appointment cancelled";
        };
    }

    private String patientText(AppointmentChanged change) {
        String when = clinic.longDayTime(change.start());
        String body = switch (change.kind()) {
            case BOOKED -> "Your " + change.type().label().toLowerCase(Locale.UK) + " appointment with "
                    + change.physioName() + " is booked for " + when + ".";
            case RESCHEDULED -> "Your appointment with " + change.physioName() + " has moved to " + when + ".";
            case CANCELLED -> "Your appointment with " + change.physioName() + " on " + when + " is cancelled.";
        };
        return "Hello " + change.patientName() + ",\n\n" + body
                + "\n\nThe attached calendar file adds or updates it in your calendar."
                + "\nTo change or cancel, use Physio Portal or call the clinic.\n";
    }

    private String physioText(AppointmentChanged change) {
        String when = clinic.longDayTime(change.start());
        return switch (change.kind()) {
            case BOOKED -> change.patientName() + " booked a " + change.type().label().toLowerCase(Locale.UK)
                    + " appointment for " + when + ".";
            case RESCHEDULED -> change.patientName() + " moved their appointment to " + when + ".";
            case CANCELLED -> change.patientName() + " cancelled their appointment on " + when + ".";
        } + "\n";
    }
}
