package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded default's check constraints keep working after the connection that created them is gone.
 * H2 2.4.240 evaluated an {@code IN (...)} check with the session that parsed it: once the pool retired the
 * migration's connection, every write to such a table failed with "Check constraint invalid ... The database
 * has been closed" (about 25 minutes after a first start, the pool's maximum lifetime).
 */
class EmbeddedDatabaseSessionsTest {

    @TempDir
    Path folder;

    private String url() {
        return "jdbc:h2:file:" + folder.resolve("portal") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void checks_hold_after_the_migrating_connection_closed_on_a_new_database() throws SQLException {
        try (Connection keepsDatabaseOpen = DriverManager.getConnection(url(), "sa", "")) {
            migrateWithItsOwnConnection();
            assertChecksWork(keepsDatabaseOpen);
            try (Connection another = DriverManager.getConnection(url(), "sa", "")) {
                assertChecksWork(another);
            }
        }
    }

    @Test
    void checks_hold_on_a_database_created_earlier_and_reopened() throws SQLException {
        migrateWithItsOwnConnection();
        // Every connection is closed, so the database is closed; the first connection reopens it.
        try (Connection keepsDatabaseOpen = DriverManager.getConnection(url(), "sa", "")) {
            try (Connection reopener = DriverManager.getConnection(url(), "sa", "")) {
                assertChecksWork(reopener);
            }
            assertChecksWork(keepsDatabaseOpen);
        }
    }

    private void migrateWithItsOwnConnection() {
        var single = new SingleConnectionDataSource(url(), "sa", "", true);
        Flyway.configure().dataSource(single).locations("classpath:db/migration").load().migrate();
        single.destroy();
    }

    private static void assertChecksWork(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // An update of every row re-checks ck_exercise_category and ck_exercise_timing.
            assertThat(statement.executeUpdate("update exercise set category = category, default_timing = default_timing"))
                    .isPositive();
            String email = "check-" + System.nanoTime() + "@example.org";
            assertThat(statement.executeUpdate("insert into account (email, display_name, password_hash, role, created_at) "
                    + "values ('" + email + "', 'A', 'x', 'PHYSIO', CURRENT_TIMESTAMP)")).isOne();
            assertThat(statement.executeUpdate("update account set role = 'ADMIN' where email = '" + email + "'")).isOne();
            // A value outside the list is still refused, by the constraint itself.
            assertThatThrownBy(() -> statement.executeUpdate("update account set role = 'NURSE' where email = '" + email + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ck_account_role")
                    .hasMessageNotContaining("closed")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23513"));
        }
    }
}
