package app.physioportal.base;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two instances' locks on one database: one runs a job at a time; a crashed holder's lease runs out. */
@PortalTest
class JobLockTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void while_one_instance_runs_a_job_the_other_skips_it_and_a_dead_holders_lease_runs_out() {
        JobLock one = new JobLock(jdbc, clock);
        JobLock two = new JobLock(jdbc, clock);
        String job = "test-job-" + System.nanoTime();
        clock.pin(Instant.parse("2026-12-01T10:00:00Z"));
        AtomicInteger runs = new AtomicInteger();
        AtomicBoolean otherRan = new AtomicBoolean(true);
        assertThat(one.runExclusively(job, Duration.ofMinutes(10), () -> {
            runs.incrementAndGet();
            otherRan.set(two.runExclusively(job, Duration.ofMinutes(10), runs::incrementAndGet));
        })).isTrue();
        assertThat(otherRan).isFalse();
        assertThat(runs).hasValue(1);
        // Released when done: the other instance may run it next.
        assertThat(two.runExclusively(job, Duration.ofMinutes(10), runs::incrementAndGet)).isTrue();

        // A holder that died mid-run (never released) blocks others only until its lease ends.
        jdbc.update("update job_lock set locked_until = ?, locked_by = 'dead' where name = ?",
                java.sql.Timestamp.from(clock.instant().plus(Duration.ofMinutes(10))), job);
        assertThat(one.runExclusively(job, Duration.ofMinutes(10), runs::incrementAndGet)).isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(one.runExclusively(job, Duration.ofMinutes(10), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(3);
    }
}
