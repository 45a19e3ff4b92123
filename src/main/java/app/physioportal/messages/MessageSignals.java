package app.physioportal.messages;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How an open conversation learns of a message saved on another instance: this instance looks at the database
 * every couple of seconds with one indexed query for the messages changed lately (sent, read or withdrawn), and
 * moves a per-conversation counter on when that changes. Open pages poll the counter, which costs no query; they
 * reload only the conversation that changed. Changes made on this instance move the counter at commit. Nobody
 * watching, no query.
 */
@Component
public class MessageSignals {

    /** Changes are looked for this far back, so a write from an instance whose clock is a little behind is seen. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<Long, String> lastSeen = new ConcurrentHashMap<>();
    private final AtomicInteger watchers = new AtomicInteger();

    MessageSignals(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The conversation's counter on this instance: when it moves, reload. */
    public long version(long patientId) {
        return versions.computeIfAbsent(patientId, id -> new AtomicLong()).get();
    }

    /** An open page starts or stops watching (the database is looked at only while someone watches). */
    public void watching(boolean open) {
        if (open) {
            watchers.incrementAndGet();
        } else {
            watchers.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** A change made on this instance: open pages see it at their next poll, once the change is committed. */
    void changedAfterCommit(long patientId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump(patientId);
                }
            });
        } else {
            bump(patientId);
        }
    }

    @Scheduled(fixedDelayString = "${app.messages.watch-every:PT2S}", initialDelayString = "PT5S")
    void look() {
        if (watchers.get() == 0) {
            return;
        }
        lookNow();
    }

    /** One look at the database (also for tests, which play a second instance). */
    public void lookNow() {
        Timestamp from = Timestamp.from(clock.instant().minus(WINDOW));
        jdbc.query("select patient_id, max(changed_at), count(*) from message where changed_at > :from"
                + " group by patient_id", new MapSqlParameterSource("from", from), row -> {
                    long patientId = row.getLong(1);
                    String fingerprint = row.getTimestamp(2).toInstant() + "/" + row.getInt(3);
                    String before = lastSeen.put(patientId, fingerprint);
                    if (!fingerprint.equals(before)) {
                        bump(patientId);
                    }
                });
    }

    private void bump(long patientId) {
        versions.computeIfAbsent(patientId, id -> new AtomicLong()).incrementAndGet();
    }
}
