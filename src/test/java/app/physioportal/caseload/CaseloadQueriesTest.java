package app.physioportal.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.physioportal.PortalTest;
import app.physioportal.TestDatabase;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.progress.ProgressFixtures;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The caseload is built in a fixed number of SQL statements whatever the number of patients on it (issue 18): the
 * statements the database received on the caseload's connection (MariaDB's session counter {@code Questions}) while
 * it was built, before and after three more patients with a diary, a plan and ticks join the physio's list. The
 * access audit goes through a pool of its own and is not counted (one batched insert per caseload).
 */
@PortalTest
class CaseloadQueriesTest {

    @Autowired
    CaseloadService caseload;

    @Autowired
    PlanFixtures plans;

    @Autowired
    ProgressFixtures fixtures;

    private record Counted(int rows, int statements) {
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long questions() {
        return jdbc.query("SHOW SESSION STATUS LIKE 'Questions'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }

    /** In one transaction, so the caseload's statements and the counter's share one connection. */
    private Counted countCaseload() {
        return plans.as(PlanFixtures.PHYSIO, () -> new TransactionTemplate(transactions).execute(status -> {
            long before = questions();
            int rows = caseload.myCaseload().size();
            // The second counter read is itself one statement.
            return new Counted(rows, (int) (questions() - before - 1));
        }));
    }

    private void patientWithAHistory(int cramps) {
        FreshPatient patient = fixtures.newPatient();
        LocalDate week = fixtures.currentWeek();
        fixtures.record(patient, ProgressFixtures.days(week.minusWeeks(8), 14), cramps, 6);
        fixtures.record(patient, ProgressFixtures.days(week.minusWeeks(2), 10), 0, 0);
        fixtures.startPlan(patient, week.minusWeeks(8));
        fixtures.stretchOn(patient, ProgressFixtures.days(week.minusWeeks(3), 14));
    }

    @Test
    void the_caseload_takes_the_same_few_statements_for_more_patients() {
        assumeTrue(TestDatabase.isMariaDb(), "counts MariaDB's session counter");
        patientWithAHistory(2);
        plans.as(PlanFixtures.PHYSIO, () -> caseload.myCaseload()); // caches (exercise library) filled
        Counted before = countCaseload();
        patientWithAHistory(1);
        patientWithAHistory(3);
        patientWithAHistory(2);
        Counted after = countCaseload();

        assertThat(after.rows()).isEqualTo(before.rows() + 3);
        assertThat(after.statements()).as("statements for %d and for %d patients", before.rows(), after.rows())
                .isEqualTo(before.statements());
        assertThat(after.statements()).as("a small fixed number").isLessThanOrEqualTo(20);
        System.out.printf("Caseload of %d patients: %d SQL statements%n", after.rows(), after.statements());
    }
}
