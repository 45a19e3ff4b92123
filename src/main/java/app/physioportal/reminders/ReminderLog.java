package app.physioportal.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One decision per person, kind and occasion. The first transaction to insert the row owns the decision and queues
 * the email in the same transaction; any other (a second instance, an overlapping run) hits the primary key and
 * does nothing. So a reminder is sent at most once even if two jobs run at the same moment.
 */
@Service
public class ReminderLog {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReminderLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the decision; false if this occasion was already decided. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(long accountId, ReminderKind kind, String occasion, String outcome) {
        try {
            return jdbc.update("insert into reminder_log (account_id, kind, occasion, outcome, decided_at)"
                    + " values (?, ?, ?, ?, ?)", accountId, kind.name(), occasion, outcome,
                    Timestamp.from(clock.instant())) == 1;
        } catch (DuplicateKeyException decidedElsewhere) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public boolean decided(long accountId, ReminderKind kind, String occasion) {
        Integer n = jdbc.queryForObject("select count(*) from reminder_log where account_id = ? and kind = ?"
                + " and occasion = ?", Integer.class, accountId, kind.name(), occasion);
        return n != null && n > 0;
    }

    /** Whether an email of this kind went to this person after then (nudges: not more than one a week). */
    @Transactional(readOnly = true)
    public boolean sentSince(long accountId, ReminderKind kind, Instant since) {
        Integer n = jdbc.queryForObject("select count(*) from reminder_log where account_id = ? and kind = ?"
                + " and outcome = 'SENT' and decided_at > ?", Integer.class, accountId, kind.name(),
                Timestamp.from(since));
        return n != null && n > 0;
    }
}
