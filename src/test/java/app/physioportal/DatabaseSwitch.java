package app.physioportal;

import app.physioportal.base.DatabaseAway;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The portal's database in tests, with a switch: a test turns it "down" and every new connection is refused the way
 * Hikari refuses one when MariaDB is away (SQLTransientConnectionException after the connection timeout), then "up"
 * again. It can also lose one answer: the next commit is made and then reported as failed, as when the connection
 * breaks after the database committed but before the portal heard so. The pool stays a HikariDataSource (a subclass
 * with the same settings), so tests that look at the pool see the real one. A test that switches it down switches it
 * up in a finally block; other tests never notice it.
 */
@Component
public class DatabaseSwitch implements BeanPostProcessor {

    private static final AtomicBoolean DOWN = new AtomicBoolean();
    private static final AtomicBoolean LOSE_NEXT_COMMIT_ANSWER = new AtomicBoolean();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    /** How many connections were refused while down, since the test started: how often the portal asked. */
    public int refused() {
        return REFUSED.get();
    }

    public void down() {
        DOWN.set(true);
    }

    public void up() {
        DOWN.set(false);
        LOSE_NEXT_COMMIT_ANSWER.set(false);
        // As the portal's next request would find out: the page extras ask the database again at once.
        DatabaseAway.answered();
    }

    /** The next commit happens, and then fails as if the connection broke before its answer came back. */
    public void loseNextCommitAnswer() {
        LOSE_NEXT_COMMIT_ANSWER.set(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !(bean instanceof Switchable) && "dataSource".equals(beanName)) {
            Switchable switchable = new Switchable();
            pool.copyStateTo(switchable);
            pool.close();
            return switchable;
        }
        return bean;
    }

    static final class Switchable extends HikariDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            refuseWhenDown();
            return watched(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            refuseWhenDown();
            return watched(super.getConnection(username, password));
        }

        private void refuseWhenDown() throws SQLException {
            if (DOWN.get()) {
                REFUSED.incrementAndGet();
                throw new SQLTransientConnectionException(
                        getPoolName() + " - Connection is not available, request timed out (the test switched the "
                                + "database off)", "08001");
            }
        }

        /** Only while a lost answer is armed is a connection wrapped; otherwise it is Hikari's own. */
        private static Connection watched(Connection connection) {
            if (!LOSE_NEXT_COMMIT_ANSWER.get()) {
                return connection;
            }
            return (Connection) Proxy.newProxyInstance(DatabaseSwitch.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        try {
                            Object result = method.invoke(connection, args);
                            if (method.getName().equals("commit") && LOSE_NEXT_COMMIT_ANSWER.compareAndSet(true, false)) {
                                throw new SQLTransientConnectionException(
                                        "Connection reset after the commit (the test lost the answer)", "08S01");
                            }
                            return result;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
