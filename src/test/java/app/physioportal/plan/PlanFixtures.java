package app.physioportal.plan;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** A fresh patient of physio1 per test, so tests that write plans and ticks never meet each other. */
@Component
public class PlanFixtures {

    public record FreshPatient(long id, String email) {
    }

    private final AccountService accounts;
    private final SystemTasks systemTasks;
    private final DemoIds ids;

    PlanFixtures(AccountService accounts, SystemTasks systemTasks, DemoIds ids) {
        this.accounts = accounts;
        this.systemTasks = systemTasks;
        this.ids = ids;
    }

    public FreshPatient newPatientOfPhysio1() {
        String email = "plan-" + UUID.randomUUID() + "@example.org";
        long id = asAdmin(() -> accounts.createPatient(new NewAccount("Ada Test", email, Role.PATIENT, Demo.PASSWORD),
                ids.idOf(Demo.PHYSIO1), LocalDate.of(1955, 3, 3), LocalDate.now().minusDays(120)));
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
