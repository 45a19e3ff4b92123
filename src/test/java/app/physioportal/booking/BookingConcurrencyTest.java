package app.physioportal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.TestDatabase;
import app.physioportal.booking.BookingFixture.TestPatient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Runs on whichever engine the suite uses; CI and the helper's own run use MariaDB (TEST_DB=mariadb). */
@PortalTest
class BookingConcurrencyTest {

    private static final int ATTEMPTS = 24;

    @Autowired
    BookingService booking;

    @Autowired
    BookingFixture fixture;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void the_database_itself_refuses_a_second_live_appointment_at_the_same_start() {
        TestPatient patient = fixture.newPatient();
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(40))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long first = fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.BOOKED);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.BOOKED))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // cancelled rows hold no key: any number of them may share the start
        fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.CANCELLED);
        fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.CANCELLED);
        assertThat(fixture.statusOf(first)).isEqualTo("BOOKED");
    }

    @Test
    void only_the_slot_key_refusing_a_save_means_the_time_was_taken() {
        TestPatient patient = fixture.newPatient();
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(41))
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.BOOKED);
        Throwable duplicate = org.assertj.core.api.Assertions.catchThrowable(
                () -> fixture.insertAppointmentAt(patient.id(), fixture.physio(), start, AppointmentStatus.BOOKED));
        assertThat(SlotTakenException.isSlotKeyViolation(duplicate)).as("%s", duplicate).isTrue();

        String insert = "insert into appointment (patient_id, physio_id, starts_at, ends_at, active_start, type, status,"
                + " booked_by, booked_at) values (?, ?, ?, ?, ?, ?, ?, 'x', CURRENT_TIMESTAMP)";
        java.time.LocalDateTime later = java.time.LocalDateTime.now().plusDays(42).withNano(0);
        long physio = jdbc.queryForObject("select id from account where email = ?", Long.class, fixture.physio());
        Throwable badStatus = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update(insert, patient.id(),
                physio, later, later.plusMinutes(30), later, "IN_CLINIC", "LOST"));
        Throwable noSuchPatient = org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.update(insert, -1L,
                physio, later, later.plusMinutes(30), later, "IN_CLINIC", "BOOKED"));
        assertThat(badStatus).as("check constraint").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(noSuchPatient).as("foreign key").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(SlotTakenException.isSlotKeyViolation(badStatus)).as("%s", badStatus).isFalse();
        assertThat(SlotTakenException.isSlotKeyViolation(noSuchPatient)).as("%s", noSuchPatient).isFalse();
    }

    @Test
    void of_many_simultaneous_bookings_of_one_slot_exactly_one_succeeds() throws Exception {
        List<TestPatient> patients = List.of(fixture.newPatient(), fixture.newPatient(),
                fixture.newPatient());
        Slot slot = fixture.openSlot(patients.getFirst().id(), 10);
        CountDownLatch ready = new CountDownLatch(ATTEMPTS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                TestPatient patient = patients.get(i % patients.size());
                // Each attempt is its own request: its own thread, sign-in and transaction, as from another app instance.
                boolean asPatient = i % 2 == 0;
                outcomes.add(pool.submit(() -> fixture.as(asPatient ? patient.email() : fixture.physio(), () -> {
                    ready.countDown();
                    try {
                        go.await();
                        booking.book(patient.id(), slot.start(), AppointmentType.IN_CLINIC, null);
                        return "booked";
                    } catch (SlotTakenException taken) {
                        return "taken";
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    } catch (RuntimeException other) {
                        return "failed: " + other;
                    }
                })));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(120, TimeUnit.SECONDS));
            }
            long successes = results.stream().filter("booked"::equals).count();
            System.out.printf("BOOKING CONCURRENCY on %s: attempts=%d successes=%d taken=%d%n",
                    TestDatabase.isMariaDb() ? "MariaDB" : "H2", ATTEMPTS, successes,
                    results.stream().filter("taken"::equals).count());
            assertThat(successes).as(results.toString()).isEqualTo(1);
            assertThat(results).as("every loser is told the time was taken").filteredOn(r -> !r.equals("booked"))
                    .containsOnly("taken");
            assertThat(fixture.liveAppointmentsAt(fixture.physio(), slot.start())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
