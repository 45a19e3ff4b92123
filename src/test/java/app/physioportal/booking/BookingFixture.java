package app.physioportal.booking;

import app.physioportal.Demo;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Fresh patients and appointments for booking tests, so each test starts from a state it knows. */
@Component
public class BookingFixture {

    public record TestPatient(long id, String email) {
    }

    private final AccountService accounts;
    private final PatientService patients;
    private final BookingService booking;
    private final SystemTasks systemTasks;
    private final JdbcTemplate jdbc;
    private final ScheduleService schedule;
    private static final String PHYSIO = "booking-physio@example.org";
    private final AtomicLong offset = new AtomicLong();

    BookingFixture(AccountService accounts, PatientService patients, BookingService booking, SystemTasks systemTasks, JdbcTemplate jdbc,
            ScheduleService schedule) {
        this.schedule = schedule;
        this.accounts = accounts;
        this.patients = patients;
        this.booking = booking;
        this.systemTasks = systemTasks;
        this.jdbc = jdbc;
    }

    /**
     * The booking tests' own physio (hours: Mon-Fri 09:00-17:00, lunch 12:30-13:30), so the demo
     * physios' caseloads, which other tests count, stay as the demo clinic has them.
     */
    public String physio() {
        synchronized (this) {
            Integer exists = jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, PHYSIO);
            if (exists == 0) {
                systemTasks.runAs("booking-test", Role.ADMIN, () -> accounts.createStaff(
                        new NewAccount("Booking Test Physio", PHYSIO, Role.PHYSIO, Demo.FIXTURE_PASSWORD)));
                systemTasks.runAsAccount(PHYSIO, () -> schedule.setMyWorkingHours(java.util.Arrays.stream(
                                java.time.DayOfWeek.values()).limit(5)
                        .map(d -> new ScheduleService.WorkingHours(d, java.time.LocalTime.of(9, 0),
                                java.time.LocalTime.of(17, 0), java.time.LocalTime.of(12, 30),
                                java.time.LocalTime.of(13, 30), 30)).toList()));
            }
        }
        return PHYSIO;
    }

    /** A new patient assigned to the booking tests' physio, with no appointments. */
    public TestPatient newPatient() {
        String email = "booking-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long physio = jdbc.queryForObject("select id from account where email = ?", Long.class, physio());
        AtomicLong id = new AtomicLong();
        systemTasks.runAs("booking-test", Role.ADMIN, () -> id.set(patients.createPatient(
                new NewAccount("Test Patient", email, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio, null, null)));
        return new TestPatient(id.get(), email);
    }

    public <T> T as(String email, Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        systemTasks.runAsAccount(email, () -> result.set(task.get()));
        return result.get();
    }

    /** The first open slot of the test physio from {@code daysAhead} days on. */
    public Slot openSlot(long patientId, int daysAhead) {
        return as(physio(), () -> {
            LocalDate from = LocalDate.now().plusDays(daysAhead);
            return booking.openSlots(patientId, from, from.plusDays(14)).getFirst().slots().getFirst();
        });
    }

    /**
     * An appointment written straight into the table, for states the clock will not give a test on demand
     * (starting in two hours, or already over). Starts are spread by a few seconds so they never collide.
     */
    public long insertAppointment(long patientId, String physioEmail, Instant start, AppointmentStatus status) {
        return insertAppointmentAt(patientId, physioEmail, start.plusSeconds(offset.incrementAndGet()), status);
    }

    /** Exactly at {@code start}, so a test can provoke the database's unique key. */
    public long insertAppointmentAt(long patientId, String physioEmail, Instant unique, AppointmentStatus status) {
        long physio = jdbc.queryForObject("select id from account where email = ?", Long.class, physioEmail);
        jdbc.update("insert into appointment (patient_id, physio_id, starts_at, ends_at, active_start, type, status,"
                        + " booked_by, booked_at, sequence_no, version) values (?, ?, ?, ?, ?, 'IN_CLINIC', ?, ?, ?, 0, 0)",
                patientId, physio, ts(unique), ts(unique.plusSeconds(1800)),
                status == AppointmentStatus.CANCELLED ? null : ts(unique), status.name(), physioEmail, ts(Instant.now()));
        return jdbc.queryForObject("select max(id) from appointment where patient_id = ?", Long.class, patientId);
    }

    public String statusOf(long appointmentId) {
        return jdbc.queryForObject("select status from appointment where id = ?", String.class, appointmentId);
    }

    public int liveAppointmentsAt(String physioEmail, Instant start) {
        return jdbc.queryForObject("select count(*) from appointment a join account p on p.id = a.physio_id"
                + " where p.email = ? and a.starts_at = ? and a.status <> 'CANCELLED'", Integer.class,
                physioEmail, ts(start));
    }

    /** Instants are stored as UTC wall-clock times (hibernate.jdbc.time_zone=UTC). */
    private static LocalDateTime ts(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
