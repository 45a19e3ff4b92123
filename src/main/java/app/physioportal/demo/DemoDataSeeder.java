package app.physioportal.demo;

import app.physioportal.security.AccountService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo clinic of PRODUCT.md section 5 into an empty database, for the embedded default
 * and for demonstrations. Later features add each patient's history here; the logins stay stable.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("app.demo-data")
class DemoDataSeeder implements ApplicationRunner {

    static final String PASSWORD = "stretch-and-rest-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    /** patient number, name, birth year, weeks of history, physio number. */
    private record DemoPatient(int number, String name, int birthYear, int weeksOfHistory, int physio) {
    }

    private static final DemoPatient[] PATIENTS = {
            new DemoPatient(1, "Margaret Ellis", 1957, 10, 1),
            new DemoPatient(2, "David Chen", 1966, 12, 1),
            new DemoPatient(3, "Robert Hughes", 1953, 10, 1),
            new DemoPatient(4, "Linda Park", 1962, 11, 1),
            new DemoPatient(5, "George Adeyemi", 1968, 3, 2),
            new DemoPatient(6, "Susan Clarke", 1959, 9, 2),
    };

    private final AccountService accounts;
    private final Clock clock;

    DemoDataSeeder(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.isEmpty()) {
            return;
        }
        SystemTasks.runAs("demo-data", Role.ADMIN, this::seed);
        log.info("Seeded the demo clinic: sign in as admin@example.org, physio1@example.org or "
                + "patient1@example.org with the password {}", PASSWORD);
    }

    private void seed() {
        LocalDate today = LocalDate.now(clock);
        accounts.createStaff(new NewAccount("Sam Okafor", "admin@example.org", Role.ADMIN, PASSWORD));
        long physio1 = accounts.createStaff(new NewAccount("Priya Shah", "physio1@example.org", Role.PHYSIO, PASSWORD));
        long physio2 = accounts.createStaff(new NewAccount("Tom Becker", "physio2@example.org", Role.PHYSIO, PASSWORD));
        for (DemoPatient p : PATIENTS) {
            accounts.createPatient(
                    new NewAccount(p.name(), "patient" + p.number() + "@example.org", Role.PATIENT, PASSWORD),
                    p.physio() == 1 ? physio1 : physio2,
                    LocalDate.of(p.birthYear(), 1 + p.number(), 10 + p.number()),
                    today.minusWeeks(p.weeksOfHistory()));
        }
    }
}
