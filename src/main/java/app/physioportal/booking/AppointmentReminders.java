package app.physioportal.booking;

import app.physioportal.base.JobLock;
import app.physioportal.base.PortalAddress;
import app.physioportal.clinic.Clinic;
import app.physioportal.mail.EmailLayout;
import app.physioportal.mail.OutgoingEmail;
import app.physioportal.mail.Outbox;
import app.physioportal.reminders.ReminderKind;
import app.physioportal.reminders.ReminderLog;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import app.physioportal.reminders.Unsubscribe;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email the day before an appointment, with the calendar file, unless the patient turned appointment reminders
 * off. Sent from 24 hours before the start; if the portal was down then, up to 2 hours before. One per appointment
 * and start time (a moved appointment is reminded again at its new time), decided once across instances.
 */
@Component
public class AppointmentReminders {

    static final Duration AHEAD = Duration.ofHours(24);
    static final Duration LAST_CHANCE = Duration.ofHours(2);

    private final AppointmentRepository appointments;
    private final ReminderSettingsService settings;
    private final ReminderLog decisions;
    private final Outbox outbox;
    private final Unsubscribe unsubscribe;
    private final Directory directory;
    private final Clinic clinic;
    private final Clock clock;
    private final PortalAddress portal;
    private final JobLock lock;
    private final TransactionTemplate transaction;
    private final String clinicAddress;
    private final boolean enabled;

    AppointmentReminders(AppointmentRepository appointments, ReminderSettingsService settings, ReminderLog decisions,
            Outbox outbox, Unsubscribe unsubscribe, Directory directory, Clinic clinic, Clock clock,
            PortalAddress portal, JobLock lock, TransactionTemplate transaction,
            @Value("${app.clinic.address:The clinic}") String clinicAddress,
            @Value("${app.reminders.enabled:true}") boolean enabled) {
        this.appointments = appointments;
        this.settings = settings;
        this.decisions = decisions;
        this.outbox = outbox;
        this.unsubscribe = unsubscribe;
        this.directory = directory;
        this.clinic = clinic;
        this.clock = clock;
        this.portal = portal;
        this.lock = lock;
        this.transaction = transaction;
        this.clinicAddress = clinicAddress;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${app.reminders.every:60s}", initialDelayString = "${app.reminders.first-run:30s}")
    void tick() {
        if (enabled) {
            lock.runExclusively("appointment-reminders", Duration.ofMinutes(10), this::runDue);
        }
    }

    /** One pass at the clock's time; returns how many reminders were queued. */
    public int runDue() {
        Instant now = clock.instant();
        List<Appointment> soon = appointments.findBookedStartingBetween(now.plus(LAST_CHANCE), now.plus(AHEAD));
        if (soon.isEmpty()) {
            return 0;
        }
        Map<Long, Person> people = directory.people(soon.stream()
                .flatMap(a -> Stream.of(a.getPatientId(), a.getPhysioId())).distinct().toList());
        Map<Long, ReminderSettings> wanted = settings.forAccounts(soon.stream().map(Appointment::getPatientId)
                .distinct().toList());
        int sent = 0;
        for (Appointment a : soon) {
            boolean on = wanted.get(a.getPatientId()).appointmentReminders();
            String occasion = a.getId() + "@" + a.getStartsAt();
            Person patient = people.get(a.getPatientId());
            Person physio = people.get(a.getPhysioId());
            Boolean queued = transaction.execute(status -> decisions.decide(a.getPatientId(), ReminderKind.APPOINTMENT,
                    occasion, on ? "SENT" : "TURNED_OFF") && on && outbox.enqueue(email(a, patient, physio, occasion)));
            if (Boolean.TRUE.equals(queued)) {
                sent++;
            }
        }
        return sent;
    }

    private OutgoingEmail email(Appointment a, Person patient, Person physio, String occasion) {
        AppointmentChanged calendar = new AppointmentChanged(AppointmentChanged.Kind.BOOKED, a.getId(),
                a.getSequenceNo(), a.getStartsAt(), a.getEndsAt(), a.getType(), patient.name(), patient.email(),
                physio.name(), physio.email(), false, a.getStartsAt());
        String what = a.getType() == AppointmentType.VIDEO ? "video appointment" : "appointment at the clinic";
        EmailLayout body = EmailLayout.from(clinic.name()).greeting(Clinic.firstName(patient.name()))
                .paragraph("A reminder of your " + what + " with " + physio.name() + " on "
                        + clinic.longDayTime(a.getStartsAt()) + ".")
                .paragraph("Can't make it? Move or cancel it in Physio Portal, or call the clinic, so someone else "
                        + "can have the time.")
                .button("My appointments", portal.link("appointments"))
                .unsubscribe(ReminderKind.APPOINTMENT.inWords(),
                        unsubscribe.pageLink(a.getPatientId(), ReminderKind.APPOINTMENT));
        return OutgoingEmail.of("APPOINTMENT_REMINDER", a.getPatientId(), patient.email(),
                        "Reminder: " + a.getType().label().toLowerCase(Locale.UK) + " appointment "
                                + clinic.weekdayTime(a.getStartsAt()), body.render())
                .withAttachment(new OutgoingEmail.Attachment("appointment.ics",
                        "text/calendar; charset=UTF-8; method=REQUEST",
                        IcsCalendar.of(calendar, clock.instant(), clinicAddress)))
                .unsubscribeAt(unsubscribe.oneClickLink(a.getPatientId(), ReminderKind.APPOINTMENT))
                .once("APPOINTMENT:" + a.getPatientId() + ":" + occasion)
                .expiringAt(a.getStartsAt());
    }
}
