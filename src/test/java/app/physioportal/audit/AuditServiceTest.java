package app.physioportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.audit.AuditService.AuditEntry;
import app.physioportal.audit.AuditService.AuditQuery;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.SystemTasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@PortalTest
class AuditServiceTest {

    @Autowired
    AuditService audit;

    @Autowired
    PatientAccess access;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Autowired
    DataSource dataSource;

    /**
     * A request that holds a connection of the main pool inside its transaction writes audit records; under
     * load every connection was held that way and the audit write waited for a connection forever (pool
     * deadlock, found by bench/run cluster). Audit records now have a pool of their own.
     */
    @Test
    @WithUserDetails(Demo.ADMIN)
    void an_audit_record_is_written_while_every_connection_of_the_main_pool_is_taken() throws Exception {
        int poolSize = ((HikariDataSource) dataSource).getMaximumPoolSize();
        List<Connection> taken = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                taken.add(dataSource.getConnection());
            }
            audit.record(AuditAction.ACCESS_DENIED, null, "written with the main pool exhausted");
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        assertThat(audit.search(new AuditQuery(Demo.ADMIN, null, null, null), 5))
                .extracting(AuditEntry::detail).contains("written with the main pool exhausted");
    }

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * Requests inside their own transactions write audit records and then wait for each other (as bookings
     * of one slot wait for the winner's row lock). An audit connection held until the writer's transaction
     * ends would let more such requests than the audit pool has connections block each other for good.
     */
    @Test
    void audit_connections_are_not_held_until_the_callers_transaction_ends() throws Exception {
        int requests = 8;
        CountDownLatch allWritten = new CountDownLatch(requests);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                int n = i;
                results.add(threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                    audit.recordAs("concurrency-test", AuditAction.ACCESS_DENIED, null, "request " + n);
                    allWritten.countDown();
                    try {
                        return allWritten.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                })));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).as("every request wrote its record").isTrue();
            }
        }
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void search_filters_by_patient_and_time() {
        long patient2 = ids.idOf(Demo.PATIENT2);
        Instant before = Instant.now().minusSeconds(1);
        systemTasks.runAsAccount(Demo.PHYSIO1, () -> access.check(patient2));

        var found = audit.search(new AuditQuery(null, patient2, before, null), 50);

        assertThat(found).isNotEmpty().allSatisfy(e -> assertThat(e.patientId()).isEqualTo(patient2));
        AuditEntry accessed = found.stream().filter(e -> e.action() == AuditAction.RECORD_ACCESSED).findFirst()
                .orElseThrow();
        assertThat(accessed.actor()).isEqualTo(Demo.PHYSIO1);
        assertThat(accessed.detail()).as("names who asked").startsWith("via AuditServiceTest.");
        assertThat(audit.search(new AuditQuery(null, patient2, null, before), 50))
                .noneMatch(e -> e.id() == accessed.id());
    }

    @Test
    @WithUserDetails(Demo.ADMIN)
    void a_patient_reading_their_own_records_is_not_flooding_the_trail() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        Instant before = Instant.now().minusSeconds(1);
        systemTasks.runAsAccount(Demo.PATIENT1, () -> access.check(patient1));
        assertThat(audit.search(new AuditQuery(Demo.PATIENT1, patient1, before, null), 50))
                .noneMatch(e -> e.action() == AuditAction.RECORD_ACCESSED);
    }

    @Test
    @WithUserDetails(Demo.PHYSIO1)
    void only_admins_search_the_trail() {
        assertThatThrownBy(() -> audit.search(new AuditQuery(null, null, null, null), 10))
                .isInstanceOf(AccessDeniedException.class);
    }
}
