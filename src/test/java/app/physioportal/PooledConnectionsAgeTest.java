package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.booking.AppointmentStatus;
import app.physioportal.booking.AppointmentType;
import app.physioportal.booking.BookingFixture;
import app.physioportal.booking.BookingFixture.TestPatient;
import app.physioportal.booking.BookingService;
import app.physioportal.booking.BookingService.AppointmentSummary;
import app.physioportal.booking.Slot;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The application keeps writing after the pool has retired every connection it started with, the one that ran
 * the migrations included. Soft eviction is what the pool does at a connection's maximum lifetime (30 minutes
 * by default, 30 s at the least), so this ages the pool without waiting for it.
 */
@PortalTest
class PooledConnectionsAgeTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    BookingService booking;

    @Autowired
    BookingFixture bookingFixture;

    @Autowired
    PlanService plans;

    @Autowired
    PlanFixtures planFixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    SystemTasks systemTasks;

    @Test
    void bookings_plan_changes_and_accounts_save_after_every_pooled_connection_was_retired() throws Exception {
        retireEveryPooledConnection();

        TestPatient patient = bookingFixture.newPatient();
        Slot first = bookingFixture.openSlot(patient.id(), 3);
        AppointmentSummary booked = bookingFixture.as(patient.email(),
                () -> booking.book(patient.id(), first.start(), AppointmentType.VIDEO, null));
        Slot later = bookingFixture.openSlot(patient.id(), 10);
        AppointmentSummary moved = bookingFixture.as(patient.email(),
                () -> booking.reschedule(patient.id(), booked.id(), later.start()));
        assertThat(moved.start()).isEqualTo(later.start());
        AppointmentSummary cancelled = bookingFixture.as(patient.email(), () -> booking.cancel(patient.id(), booked.id()));
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);

        retireEveryPooledConnection();

        FreshPatient planPatient = planFixtures.newPatient();
        int version = planFixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionEffectiveFrom(planPatient.id(), null,
                plans.trialTemplate(), "Start of the bedtime stretching programme", plans.currentDay()));
        assertThat(version).isEqualTo(1);

        AtomicLong staff = new AtomicLong();
        systemTasks.runAsAccount(Demo.ADMIN, () -> {
            staff.set(accounts.createStaff(new NewAccount("Aged Pool Physio",
                    "aged-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", Role.PHYSIO, Demo.FIXTURE_PASSWORD)));
            accounts.setEnabled(staff.get(), false);
        });
        assertThat(staff.get()).isPositive();
    }

    /** Idle connections close at once; one in use would close when handed back. */
    private void retireEveryPooledConnection() throws Exception {
        var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        // The outbox sends after each commit on a thread of its own; wait for it to hand its connection back.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> pool.getActiveConnections() == 0);
        pool.softEvictConnections();
    }
}
