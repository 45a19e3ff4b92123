package app.physioportal.booking;

import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the patient (and, when the patient made the change, the physio) with a calendar attachment. Queued in
 * the booking's own transaction through the outbox: the booking and its email commit together, and the email goes
 * out once the mail server answers.
 */
@Component
class AppointmentMailer {

    private final Outbox outbox;
    private final Clock clock;
    private final Clinic clinic;
    private final PortalAddress portal;
    private final String clinicAddress;

    AppointmentMailer(Outbox outbox, Clock clock, Clinic clinic, PortalAddress portal,
            @Value("${app.clinic.address:The clinic}") String clinicAddress) {
        this.outbox = outbox;
        this.clock = clock;
        this.clinic = clinic;
        this.portal = portal;
        this.clinicAddress = clinicAddress;
    }

    @EventListener
    void onAppointmentChanged(AppointmentChanged change) {
        if (SystemTasks.isSeeding()) {
            // Demo history and other start-up work: nobody is waiting for these emails.
            return;
        }
        OutgoingEmail.Attachment ics = calendarFile(change);
        outbox.enqueue(OutgoingEmail.of("APPOINTMENT_" + change.kind().name(), null, change.patientEmail(),
                subject(change), patientText(change)).withAttachment(ics));
        if (change.byPatient()) {
            outbox.enqueue(OutgoingEmail.of("APPOINTMENT_" + change.kind().name(), null, change.physioEmail(),
                    subject(change) + " (" + change.patientName() + ")", physioText(change)).withAttachment(ics));
        }
    }

    OutgoingEmail.Attachment calendarFile(AppointmentChanged change) {
        String method = change.kind() == AppointmentChanged.Kind.CANCELLED ? "CANCEL" : "REQUEST";
        return new OutgoingEmail.Attachment("appointment.ics", "text/calendar; charset=UTF-8; method=" + method,
                IcsCalendar.of(change, clock.instant(), clinicAddress));
    }

    private static String subject(AppointmentChanged change) {
        return switch (change.kind()) {
            case BOOKED -> "Appointment booked";
            case RESCHEDULED -> "Appointment moved";
            case CANCELLED -> "Appointment cancelled";
        };
    }

    private EmailLayout.Rendered patientText(AppointmentChanged change) {
        String when = clinic.longDayTime(change.start());
        String body = switch (change.kind()) {
            case BOOKED -> "Your " + change.type().label().toLowerCase(Locale.UK) + " appointment with "
                    + change.physioName() + " is booked for " + when + ".";
            case RESCHEDULED -> "Your appointment with " + change.physioName() + " has moved to " + when + ".";
            case CANCELLED -> "Your appointment with " + change.physioName() + " on " + when + " is cancelled.";
        };
        return EmailLayout.from(clinic.name()).greeting(Clinic.firstName(change.patientName())).paragraph(body)
                .paragraph("The attached calendar file adds or updates it in your calendar. To change or cancel, "
                        + "use Physio Portal or call the clinic.")
                .button("My appointments", portal.link("appointments")).render();
    }

    private EmailLayout.Rendered physioText(AppointmentChanged change) {
        String when = clinic.longDayTime(change.start());
        String body = switch (change.kind()) {
            case BOOKED -> change.patientName() + " booked a " + change.type().label().toLowerCase(Locale.UK)
                    + " appointment for " + when + ".";
            case RESCHEDULED -> change.patientName() + " moved their appointment to " + when + ".";
            case CANCELLED -> change.patientName() + " cancelled their appointment on " + when + ".";
        };
        return EmailLayout.from(clinic.name()).greeting(Clinic.firstName(change.physioName())).paragraph(body)
                .button("My schedule", portal.link("schedule")).render();
    }
}
