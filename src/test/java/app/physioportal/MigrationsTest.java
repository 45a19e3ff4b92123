package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** The same migration scripts build the schema on both engines, from nothing. */
class MigrationsTest {

    private static final List<String> TABLES = List.of("account", "patient", "audit_event", "plan", "plan_version",
            "prescribed_item", "adherence_record");

    @Test
    void migrations_apply_cleanly_on_embedded_h2() {
        var dataSource = new SingleConnectionDataSource(
                "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE",
                "sa", "", true);
        assertMigratesFromScratch(dataSource);
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "TEST_DB", matches = "mariadb")
    void migrations_apply_cleanly_on_mariadb() throws Exception {
        String url = System.getenv("DB_URL");
        String user = System.getenv("DB_USER");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        String scratch = "physio_portal_test_migrations";
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + scratch);
            statement.execute("CREATE DATABASE " + scratch);
        }
        String scratchUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + scratch + "$1");
        assertMigratesFromScratch(new DriverManagerDataSource(scratchUrl, user, password));
    }

    private static void assertMigratesFromScratch(DataSource dataSource) {
        MigrateResult result = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        assertThat(result.initialSchemaVersion).isNull();

        var jdbc = new JdbcTemplate(dataSource);
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class))
                    .as("table %s exists and is empty", table).isZero();
        }
        // The email is unique at the database level, not only in Java.
        String insert = "insert into account (email, display_name, password_hash, role, created_at) "
                + "values (?, ?, 'x', ?, CURRENT_TIMESTAMP)";
        jdbc.update(insert, "a@example.org", "A", "ADMIN");
        assertThat(catchThrowable(() -> jdbc.update(insert, "a@example.org", "B", "ADMIN")))
                .as("email unique").isNotNull();
        assertThat(catchThrowable(() -> jdbc.update(insert, "b@example.org", "B", "NURSE")))
                .as("role check constraint").isNotNull();
    }
}
