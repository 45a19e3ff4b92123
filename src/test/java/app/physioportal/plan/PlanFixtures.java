package app.physioportal.plan;

import app.physioportal.Demo;
import app.physioportal.patient.PatientService;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A fresh patient per test, so tests that write plans and ticks never meet each other. They belong to a
 * physio of their own, so the demo physios' caseloads stay as the demo clinic has them. Tests signing in
 * as {@link #PHYSIO} use {@code setupBefore = TEST_EXECUTION} and call {@link #ensurePhysio()} first.
 */
@Component
public class PlanFixtures {

    public static final String PHYSIO = "plan-fixture-physio@example.org";

    public record FreshPatient(long id, String email) {
    }

    private final AccountService accounts;
    private final PatientService patients;
    private final SystemTasks systemTasks;
    private final JdbcTemplate jdbc;

    PlanFixtures(AccountService accounts, PatientService patients, SystemTasks systemTasks,
            JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.patients = patients;
        this.systemTasks = systemTasks;
        this.jdbc = jdbc;
    }

    public synchronized long ensurePhysio() {
        Long existing = jdbc.query("select id from account where email = ?", rs -> rs.next() ? rs.getLong(1) : null,
                PHYSIO);
        if (existing != null) {
            return existing;
        }
        return asAdmin(() -> accounts.createStaff(new NewAccount("Fixture Physio", PHYSIO, Role.PHYSIO,
                Demo.FIXTURE_PASSWORD)));
    }

    public FreshPatient newPatient() {
        long physio = ensurePhysio();
        String email = "plan-" + UUID.randomUUID() + "@example.org";
        long id = asAdmin(() -> patients.createPatient(new NewAccount("Ada Test", email, Role.PATIENT, Demo.FIXTURE_PASSWORD),
                physio, LocalDate.of(1955, 3, 3), LocalDate.now().minusDays(120)));
        return new FreshPatient(id, email);
    }

    public <T> T as(String email, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        systemTasks.runAsAccount(email, () -> result.set(work.get()));
        return result.get();
    }

    public void as(String email, Runnable work) {
        systemTasks.runAsAccount(email, work);
    }

    private <T> T asAdmin(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        systemTasks.runAs("test", Role.ADMIN, () -> result.set(work.get()));
        return result.get();
    }
}
