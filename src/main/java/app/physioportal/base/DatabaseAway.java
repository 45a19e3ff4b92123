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

    /** How long after a failure the extras of a page stop asking the database (see {@link #orElseWhileAway}). */
    private static final long QUIET_NANOS = 5_000_000_000L;
    private static volatile long lastSeenAway = System.nanoTime() - 2 * QUIET_NANOS;

    /** Notes that the database was just found away (by a save, a page, or a read of {@link #orElse}). */
    public static void seen() {
        lastSeenAway = System.nanoTime();
    }

    /** Notes that the database answered again: the extras ask it again at once. */
    public static void answered() {
        if (recentlySeen()) {
            lastSeenAway = System.nanoTime() - 2 * QUIET_NANOS;
        }
    }

    /** Whether the database was found away within the last few seconds. */
    public static boolean recentlySeen() {
        return System.nanoTime() - lastSeenAway < QUIET_NANOS;
    }

    /**
     * What {@code read} returns, or {@code fallback} when the database is away. Either outcome is noted for
     * {@link #orElseWhileAway}: the session check runs this on every request, so the first request after the
     * database is back turns the extras on again. Other failures go on.
     */
    public static <T> T orElse(Supplier<T> read, T fallback) {
        try {
            T value = read.get();
            answered();
            return value;
        } catch (RuntimeException failure) {
            if (causedBy(failure)) {
                seen();
                return fallback;
            }
            throw failure;
        }
    }

    /**
     * As {@link #orElse}, for the extras around a page (badges, notices, whom a helper helps) that must not keep a
     * person waiting: within a few seconds of the database being found away they do not ask it at all, so a page
     * that says "not reachable" does not first wait the pool's connection timeout once for every extra.
     */
    public static <T> T orElseWhileAway(Supplier<T> read, T fallback) {
        return recentlySeen() ? fallback : orElse(read, fallback);
    }
}
