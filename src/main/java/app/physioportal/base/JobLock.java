package app.physioportal.base;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A database lock for scheduled jobs, so a job runs on one instance at a time however many run behind the load
 * balancer. Whoever moves {@code locked_until} past now holds the lock for the lease; a crashed holder's lease
 * simply runs out. The lock saves work; the jobs' own unique keys are what make a duplicate impossible.
 */
@Component
public class JobLock {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String instance;

    JobLock(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Runs the task if no other instance holds the job's lock; returns whether it ran. */
    public boolean runExclusively(String job, Duration lease, Runnable task) {
        Instant now = clock.instant();
        if (!acquire(job, now, lease)) {
            return false;
        }
        try {
            task.run();
        } finally {
            jdbc.update("update job_lock set locked_until = ? where name = ? and locked_by = ?",
                    Timestamp.from(clock.instant()), job, instance);
        }
        return true;
    }

    private boolean acquire(String job, Instant now, Duration lease) {
        Timestamp until = Timestamp.from(now.plus(lease));
        int taken = jdbc.update("update job_lock set locked_until = ?, locked_by = ? where name = ? and locked_until <= ?",
                until, instance, job, Timestamp.from(now));
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.update("insert into job_lock (name, locked_until, locked_by) values (?, ?, ?)", job, until,
                    instance) == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }
}
