package app.physioportal.base;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The clinic's database cannot be reached just now (restarting, a network break): what people are told, and how a
 * failure is recognised as that rather than as a fault of the portal. Nothing was saved by the attempt; the pool
 * reconnects by itself once the database answers again (application.properties, "Database away").
 */
public final class DatabaseAway {

    /** Shown for a save that could not reach the database; the form it came from keeps what was typed. */
    public static final String SAVE_MESSAGE = "The clinic's records are not reachable just now. Try again in a moment; "
            + "what you typed is still here.";

    /** Shown instead of a page that could not be read. */
    public static final String PAGE_MESSAGE = "The clinic's records are not reachable just now, so this page cannot "
            + "be shown. Nothing was changed. Try again in a moment.";

    private DatabaseAway() {
    }

    /**
     * Whether the failure, or anything in its chain of causes, says the database could not be reached: Spring's
     * resource failure (no JDBC connection), JDBC's connection exceptions (what HikariCP throws when no connection
     * comes within its timeout, what the MariaDB driver throws when the server is gone), Hibernate's, and any SQL
     * state of class 08 (connection exception). A transaction that could not begin (Spring's
     * CannotCreateTransactionException) counts through its cause, which is one of these when the database is away.
     */
    public static boolean causedBy(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code read} returns, or {@code fallback} when the database is away: for the extras around a page (badges,
     * notices in the frame) that must not take the page's own message down with them. Other failures go on.
     */
    public static <T> T orElse(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException failure) {
            if (causedBy(failure)) {
                return fallback;
            }
            throw failure;
        }
    }
}
