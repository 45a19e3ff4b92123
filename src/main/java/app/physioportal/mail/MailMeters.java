package app.physioportal.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's meters: {@code portal.emails} counts emails queued (after commit), sent, retried and given up
 * ({@code outcome}); {@code portal.emails.waiting} is how many wait in the outbox now ({@code status} pending or
 * failed), read from the table at most every 15 seconds, so every instance reports the same shared queue.
 */
@Component
class MailMeters implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final Map<String, Double> waiting = new ConcurrentHashMap<>();
    private volatile Instant readAt = Instant.EPOCH;

    MailMeters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static void count(MeterRegistry meters, String outcome) {
        Counter.builder("portal.emails").description("Emails by what happened to them").tag("outcome", outcome)
                .register(meters).increment();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"pending", "failed"}) {
            Gauge.builder("portal.emails.waiting", this, meters -> meters.waiting(status))
                    .description("Emails in the outbox not sent yet (pending) or given up (failed)")
                    .tag("status", status).register(registry);
        }
    }

    private double waiting(String status) {
        if (Instant.now().isAfter(readAt.plus(FRESH))) {
            try {
                waiting.put("pending", count("status in ('PENDING', 'SENDING')"));
                waiting.put("failed", count("status = 'FAILED'"));
            } catch (RuntimeException databaseAway) {
                // The database is away: the gauge says "unknown" rather than a stale figure.
                waiting.clear();
            }
            readAt = Instant.now();
        }
        return waiting.getOrDefault(status, Double.NaN);
    }

    private double count(String condition) {
        Long rows = jdbc.queryForObject("select count(*) from outbox_email where " + condition, Long.class);
        return rows == null ? 0 : rows;
    }
}
