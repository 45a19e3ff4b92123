package app.physioportal.booking;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.clinic.Clinic;
import app.physioportal.patient.PatientDirectory;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.Directory;
import app.physioportal.security.Directory.Person;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up appointments (docs/PRODUCT.md 3.5). Every method takes the patient id and checks the caller's right
 * to that patient first: the patient themself, or their assigned physio. Patients book within a window and
 * a limit and change only outside the notice period; physios book any open slot for their patients.
 */
@Service
public class BookingService {

    public record AppointmentSummary(long id, long patientId, String patientName, long physioId, String physioName,
            Instant start, Instant end, AppointmentType type, AppointmentStatus status, String note, String bookedBy,
            String cancelledBy, Instant cancelledAt, boolean patientMayChange, boolean outcomeDue) {

        public boolean upcoming(Instant now) {
            return status == AppointmentStatus.BOOKED && end.isAfter(now);
        }
    }

    public record DaySlots(LocalDate date, List<Slot> slots) {
    }

    public record ScheduleDay(LocalDate date, boolean working, String closedBecause,
            List<AppointmentSummary> appointments, List<Slot> free) {
    }

    public record WeekSchedule(LocalDate monday, List<ScheduleDay> days) {
    }

    private final AppointmentRepository appointments;
    private final ScheduleService schedule;
    private final PatientAccess access;
    private final CurrentUser currentUser;
    private final Directory directory;
    private final PatientDirectory patientDirectory;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Clinic clinic;
    private final ZoneId zone;
    private final Duration notice;
    private final int selfBookingWeeks;
    private final int maxFutureAppointments;

    BookingService(AppointmentRepository appointments, ScheduleService schedule, PatientAccess access,
            CurrentUser currentUser, Directory directory, PatientDirectory patientDirectory, AuditService audit,
            ApplicationEventPublisher events, Clock clock, Clinic clinic,
            @Value("${app.booking.notice:24h}") Duration notice,
            @Value("${app.booking.self-booking-weeks:4}") int selfBookingWeeks,
            @Value("${app.booking.max-future-appointments:2}") int maxFutureAppointments) {
        this.appointments = appointments;
        this.schedule = schedule;
        this.access = access;
        this.currentUser = currentUser;
        this.directory = directory;
        this.patientDirectory = patientDirectory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.clinic = clinic;
        this.zone = clinic.zone();
        this.notice = notice;
        this.selfBookingWeeks = selfBookingWeeks;
        this.maxFutureAppointments = maxFutureAppointments;
    }

    public Duration noticePeriod() {
        return notice;
    }

    public int maxFutureAppointments() {
        return maxFutureAppointments;
    }

    /**
     * The open slots of the patient's physio, grouped by day. A patient sees only the self-booking window
     * (from the notice period to the next weeks); a physio may ask for any range.
     */
    @Transactional(readOnly = true)
    public List<DaySlots> openSlots(long patientId, LocalDate from, LocalDate to) {
        PortalUser user = access.checkWithHelpers(patientId);
        LocalDate today = today();
        if (user.role().isPatientSide()) {
            LocalDate last = lastSelfBookingDay();
            from = from.isBefore(today) ? today : from;
            to = to.isAfter(last) ? last : to;
        }
        if (to.isBefore(from)) {
            return List.of();
        }
        List<Slot> open = schedule.openSlots(physioOf(patientId), from, to);
        if (user.role().isPatientSide()) {
            Instant earliest = clock.instant().plus(notice);
            open = open.stream().filter(s -> !s.start().isBefore(earliest)).toList();
        }
        return byDay(open);
    }

    /** The slots a patient may book themself: today and the next {@code self-booking-weeks} weeks. */
    @Transactional(readOnly = true)
    public List<DaySlots> selfBookingSlots(long patientId) {
        return openSlots(patientId, today(), lastSelfBookingDay());
    }

    @Transactional
    public AppointmentSummary book(long patientId, Instant start, AppointmentType type, String note) {
        PortalUser user = access.checkNotViewOnly(patientId, "book appointments");
        long physioId = physioOf(patientId);
        if (type == null) {
            throw new BookingException("Choose in clinic or video call");
        }
        if (note != null && note.strip().length() > 500) {
            throw new BookingException("The note can be at most 500 characters");
        }
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            throw new BookingException("That time has already passed. Please pick a time in the future.");
        }
        if (user.role().isPatientSide()) {
            checkSelfBookingWindow(start);
            if (appointments.countFutureBooked(patientId, now) >= maxFutureAppointments) {
                throw new BookingException("You already have " + maxFutureAppointments
                        + " upcoming appointments. Cancel one first, or call the clinic.");
            }
        }
        Slot slot = requireOpenSlot(physioId, start);
        Appointment appointment = new Appointment(patientId, physioId, slot.start(), slot.end(), type,
                AppointmentStatus.BOOKED, blankToNull(note), user.email(), now);
        saveHoldingSlot(appointment);
        audit.record(AuditAction.APPOINTMENT_BOOKED, patientId,
                "appointment " + appointment.getId() + " " + slot.start() + " " + type + " by " + user.role());
        publish(AppointmentChanged.Kind.BOOKED, appointment, user, null);
        return summaryOf(appointment, user);
    }

    @Transactional
    public AppointmentSummary reschedule(long patientId, long appointmentId, Instant newStart) {
        PortalUser user = access.checkNotViewOnly(patientId, "change appointments");
        Appointment appointment = find(patientId, appointmentId);
        requireChangeable(appointment, user);
        if (!newStart.isAfter(clock.instant())) {
            throw new BookingException("That time has already passed. Please pick a time in the future.");
        }
        if (user.role().isPatientSide()) {
            checkSelfBookingWindow(newStart);
        }
        Slot slot = requireOpenSlot(appointment.getPhysioId(), newStart);
        Instant previous = appointment.getStartsAt();
        appointment.moveTo(slot.start(), slot.end());
        try {
            saveHoldingSlot(appointment);
        } catch (ObjectOptimisticLockingFailureException changed) {
            throw new BookingException("This appointment was changed a moment ago. Please look again.");
        }
        audit.record(AuditAction.APPOINTMENT_RESCHEDULED, patientId,
                "appointment " + appointmentId + " moved from " + previous + " to " + slot.start());
        publish(AppointmentChanged.Kind.RESCHEDULED, appointment, user, previous);
        return summaryOf(appointment, user);
    }

    @Transactional
    public AppointmentSummary cancel(long patientId, long appointmentId) {
        PortalUser user = access.checkNotViewOnly(patientId, "change appointments");
        Appointment appointment = find(patientId, appointmentId);
        requireChangeable(appointment, user);
        appointment.cancel(user.email(), clock.instant());
        try {
            appointments.saveAndFlush(appointment);
        } catch (ObjectOptimisticLockingFailureException changed) {
            throw new BookingException("This appointment was changed a moment ago. Please look again.");
        }
        audit.record(AuditAction.APPOINTMENT_CANCELLED, patientId,
                "appointment " + appointmentId + " at " + appointment.getStartsAt() + " cancelled by " + user.role());
        publish(AppointmentChanged.Kind.CANCELLED, appointment, user, null);
        return summaryOf(appointment, user);
    }

    /** The physio records whether the patient came, once the appointment has started. */
    @Transactional
    public AppointmentSummary markOutcome(long patientId, long appointmentId, AppointmentStatus outcome) {
        PortalUser user = access.checkAs(patientId, Role.PHYSIO, "mark an appointment's outcome");
        if (outcome != AppointmentStatus.ATTENDED && outcome != AppointmentStatus.NO_SHOW) {
            throw new BookingException("Mark an appointment as attended or did not attend");
        }
        Appointment appointment = find(patientId, appointmentId);
        if (appointment.getStatus() == AppointmentStatus.CANCELLED) {
            throw new BookingException("This appointment was cancelled");
        }
        if (appointment.getStartsAt().isAfter(clock.instant())) {
            throw new BookingException("You can record whether the patient came once the appointment has started");
        }
        AppointmentStatus before = appointment.getStatus();
        appointment.markOutcome(outcome);
        appointments.saveAndFlush(appointment);
        audit.record(AuditAction.APPOINTMENT_OUTCOME, patientId,
                "appointment " + appointmentId + " " + before + " -> " + outcome);
        return summaryOf(appointment, user);
    }

    /**
     * Records a visit that already took place (history brought in from the paper diary, the demo clinic): the
     * physio only, in the past, no email. The unique key still forbids two visits at one start.
     */
    @Transactional
    public long recordPastVisit(long patientId, Instant start, AppointmentType type, AppointmentStatus outcome,
            String note) {
        PortalUser user = access.checkAs(patientId, Role.PHYSIO, "record a past visit");
        if (outcome != AppointmentStatus.ATTENDED && outcome != AppointmentStatus.NO_SHOW) {
            throw new BookingException("A past visit was attended or not attended");
        }
        Instant end = start.plus(Duration.ofMinutes(slotMinutesOn(user.id(), start)));
        if (end.isAfter(clock.instant())) {
            throw new BookingException("Only visits that have ended can be recorded");
        }
        Appointment appointment = new Appointment(patientId, user.id(), start, end, type, outcome,
                blankToNull(note), user.email(), clock.instant());
        saveHoldingSlot(appointment);
        audit.record(AuditAction.APPOINTMENT_OUTCOME, patientId,
                "past visit " + appointment.getId() + " " + start + " recorded as " + outcome);
        return appointment.getId();
    }

    /** All of a patient's appointments, cancelled ones included, earliest first. */
    @Transactional(readOnly = true)
    public List<AppointmentSummary> appointments(long patientId) {
        PortalUser user = access.checkWithHelpers(patientId);
        List<Appointment> found = appointments.findByPatientIdOrderByStartsAtAsc(patientId);
        return summaries(found, user);
    }

    @Transactional(readOnly = true)
    public Optional<AppointmentSummary> nextAppointment(long patientId) {
        Instant now = clock.instant();
        return appointments(patientId).stream().filter(a -> a.upcoming(now)).findFirst();
    }

    /** The signed-in physio's week (Monday to Sunday of the week holding {@code anyDay}): visits and free slots. */
    @PreAuthorize("hasRole('PHYSIO')")
    @Transactional(readOnly = true)
    public WeekSchedule myWeek(LocalDate anyDay) {
        PortalUser user = currentUser.require();
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(6);
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = sunday.plusDays(1).atStartOfDay(zone).toInstant();
        List<AppointmentSummary> visits = summaries(appointments.findLiveOfPhysio(user.id(), from, to), user);
        Map<LocalDate, List<Slot>> free = schedule.openSlots(user.id(), monday, sunday).stream()
                .collect(Collectors.groupingBy(s -> s.start().atZone(zone).toLocalDate()));
        Set<DayOfWeek> workingDays = schedule.hoursOf(user.id()).stream()
                .map(ScheduleService.WorkingHours::day).collect(Collectors.toSet());
        List<ScheduleService.ClosureDays> closures = schedule.closuresOf(user.id(), monday, sunday);
        List<ScheduleDay> days = new ArrayList<>();
        for (LocalDate day = monday; !day.isAfter(sunday); day = day.plusDays(1)) {
            LocalDate date = day;
            String closed = closures.stream()
                    .filter(c -> !date.isBefore(c.firstDay()) && !date.isAfter(c.lastDay()))
                    .map(ScheduleService.ClosureDays::reason).findFirst().orElse(null);
            days.add(new ScheduleDay(date, workingDays.contains(date.getDayOfWeek()) && closed == null, closed,
                    visits.stream().filter(v -> v.start().atZone(zone).toLocalDate().equals(date)).toList(),
                    free.getOrDefault(date, List.of())));
        }
        return new WeekSchedule(monday, days);
    }

    /**
     * Patients book online from the notice period on, so whatever they book they can also change online;
     * the last day's short-notice times are the clinic desk's to give.
     */
    private void checkSelfBookingWindow(Instant start) {
        if (start.isBefore(clock.instant().plus(notice))) {
            throw new BookingException("For a time in the next " + hours(notice) + ", please call the clinic.");
        }
        if (start.atZone(zone).toLocalDate().isAfter(lastSelfBookingDay())) {
            throw new BookingException("You can book up to " + selfBookingWeeks
                    + " weeks ahead. For a later date, call the clinic.");
        }
    }

    /**
     * Saves an appointment that holds a time. The unique key on (physio, live start) refusing it means another
     * booking won the time; any other refusal (a lock wait that timed out, a broken constraint) is a fault, left
     * to the error handler, which shows a reference and logs the cause.
     */
    private void saveHoldingSlot(Appointment appointment) {
        try {
            appointments.saveAndFlush(appointment);
        } catch (DataIntegrityViolationException refused) {
            if (SlotTakenException.isSlotKeyViolation(refused)) {
                throw new SlotTakenException();
            }
            throw refused;
        }
    }

    private void requireChangeable(Appointment appointment, PortalUser user) {
        if (appointment.getStatus() != AppointmentStatus.BOOKED) {
            throw new BookingException("This appointment is " + appointment.getStatus().label().toLowerCase()
                    + " and can no longer be changed");
        }
        Instant now = clock.instant();
        if (!appointment.getStartsAt().isAfter(now)) {
            throw new BookingException("This appointment has already started");
        }
        if (user.role().isPatientSide() && !outsideNotice(appointment.getStartsAt(), now)) {
            throw new BookingException("It is less than " + hours(notice)
                    + " before your appointment. Please call the clinic to change or cancel it.");
        }
    }

    private boolean outsideNotice(Instant start, Instant now) {
        return !Duration.between(now, start).minus(notice).isNegative();
    }

    private Slot requireOpenSlot(long physioId, Instant start) {
        return schedule.openSlotAt(physioId, start).orElseThrow(() -> {
            LocalDate day = start.atZone(zone).toLocalDate();
            if (!schedule.isWorkingDay(physioId, day)) {
                return new BookingException("The physio does not see patients on that day. Please pick another.");
            }
            return new SlotTakenException();
        });
    }

    private int slotMinutesOn(long physioId, Instant start) {
        DayOfWeek day = start.atZone(zone).getDayOfWeek();
        return schedule.hoursOf(physioId).stream().filter(h -> h.day() == day).findFirst()
                .map(ScheduleService.WorkingHours::slotMinutes).orElse(ScheduleService.DEFAULT_SLOT_MINUTES);
    }

    private Appointment find(long patientId, long appointmentId) {
        return appointments.findByIdAndPatientId(appointmentId, patientId)
                .orElseThrow(() -> new BookingException("No such appointment"));
    }

    private long physioOf(long patientId) {
        return patientDirectory.physioOf(patientId).orElseThrow(() -> new BookingException("This patient has no physio"));
    }

    private void publish(AppointmentChanged.Kind kind, Appointment a, PortalUser user, Instant previousStart) {
        Map<Long, Person> who = directory.people(List.of(a.getPatientId(), a.getPhysioId()));
        Person patient = who.get(a.getPatientId());
        Person physio = who.get(a.getPhysioId());
        events.publishEvent(new AppointmentChanged(kind, a.getId(), a.getSequenceNo(), a.getStartsAt(),
                a.getEndsAt(), a.getType(), patient.name(), patient.email(), physio.name(), physio.email(),
                user.role().isPatientSide(), previousStart));
    }

    private AppointmentSummary summaryOf(Appointment a, PortalUser user) {
        return summaries(List.of(a), user).getFirst();
    }

    private List<AppointmentSummary> summaries(List<Appointment> found, PortalUser user) {
        Map<Long, Person> who = directory.people(found.stream()
                .flatMap(a -> java.util.stream.Stream.of(a.getPatientId(), a.getPhysioId())).distinct().toList());
        Instant now = clock.instant();
        return found.stream().map(a -> new AppointmentSummary(a.getId(), a.getPatientId(),
                        who.get(a.getPatientId()).name(), a.getPhysioId(), who.get(a.getPhysioId()).name(),
                        a.getStartsAt(), a.getEndsAt(), a.getType(), a.getStatus(), a.getNote(), a.getBookedBy(),
                        a.getCancelledBy(), a.getCancelledAt(),
                        a.getStatus() == AppointmentStatus.BOOKED && outsideNotice(a.getStartsAt(), now),
                        a.getStatus() == AppointmentStatus.BOOKED && !a.getStartsAt().isAfter(now)))
                .sorted(Comparator.comparing(AppointmentSummary::start))
                .toList();
    }

    private static List<DaySlots> byDay(List<Slot> slots, ZoneId zone) {
        Map<LocalDate, List<Slot>> grouped = new LinkedHashMap<>();
        for (Slot slot : slots) {
            grouped.computeIfAbsent(slot.start().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(slot);
        }
        return grouped.entrySet().stream().map(e -> new DaySlots(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private List<DaySlots> byDay(List<Slot> slots) {
        return byDay(slots, zone);
    }

    private LocalDate today() {
        return clinic.today();
    }

    private LocalDate lastSelfBookingDay() {
        return today().plusWeeks(selfBookingWeeks);
    }

    private static String hours(Duration duration) {
        long h = duration.toHours();
        return h == 1 ? "1 hour" : h + " hours";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
