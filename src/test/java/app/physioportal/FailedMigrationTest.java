package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An upgrade whose migration fails half-way (README, "Upgrades"): the error names the script and the statement, the
 * tables of the version before are untouched and still serve the instance that has not been upgraded, a second start
 * of the new version refuses to run on the half-done schema rather than carry on, and after the half-done part is
 * undone and {@code flyway repair} removes the failed row, the corrected script applies.
 */
@EnabledIfEnvironmentVariable(named = "TEST_DB", matches = "mariadb")
class FailedMigrationTest {

    private static final String SCRATCH = "physio_portal_test_failed_migration";

    private static Flyway flyway(DataSource dataSource, String... locations) {
        return Flyway.configure().dataSource(dataSource).locations(locations).load();
    }

    @Test
    void a_migration_that_fails_halfway_stops_the_upgrade_and_leaves_the_previous_version_working() throws Exception {
        String url = System.getenv("DB_URL");
        String user = System.getenv("DB_USER");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SCRATCH);
            statement.execute("CREATE DATABASE " + SCRATCH);
        }
        DataSource scratch = new DriverManagerDataSource(url.replaceFirst("/[^/?]+(\\?|$)", "/" + SCRATCH + "$1"),
                user, password);
        JdbcTemplate jdbc = new JdbcTemplate(scratch);
        try {
            // The running version's schema, with one account in it.
            flyway(scratch, "classpath:db/migration").migrate();
            String before = flyway(scratch, "classpath:db/migration").info().current().getVersion().getVersion();
            jdbc.update("insert into account (email, display_name, password_hash, role, enabled, created_at)"
                    + " values ('upgrade@example.org', 'Upgrade Probe', '{noop}x', 'PATIENT', true, current_timestamp)");

            // The upgrade: its script fails on its second statement.
            Throwable failed = catchThrowable(() -> flyway(scratch, "classpath:db/migration", "classpath:db/failing").migrate());

            assertThat(failed).isInstanceOf(FlywayException.class);
            assertThat(failed.getMessage()).contains("V900__upgrade_that_fails_halfway.sql").contains("no_such_table");
            assertThat(jdbc.queryForObject("select success from flyway_schema_history where version = '900'",
                    Boolean.class)).isFalse();
            // The version before still works: its tables and rows are as they were, and its own migrations validate.
            assertThat(jdbc.queryForObject("select count(*) from account where email = 'upgrade@example.org'",
                    Integer.class)).isOne();
            assertThat(flyway(scratch, "classpath:db/migration").info().current().getVersion().getVersion())
                    .as("the last successful version").isIn(before, "900");
            // A second instance of the new version refuses to start on the half-done schema.
            Throwable again = catchThrowable(() -> flyway(scratch, "classpath:db/migration", "classpath:db/failing").migrate());
            assertThat(again).isInstanceOf(FlywayException.class);
            assertThat(again.getMessage()).containsIgnoringCase("failed migration");

            // The operator undoes the half-done part, repairs the history and starts the corrected version.
            jdbc.execute("drop table upgrade_probe");
            flyway(scratch, "classpath:db/migration", "classpath:db/fixed").repair();
            var result = flyway(scratch, "classpath:db/migration", "classpath:db/fixed").migrate();
            assertThat(result.success).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from upgrade_probe", Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from account where email = 'upgrade@example.org'",
                    Integer.class)).isOne();
        } finally {
            jdbc.execute("DROP DATABASE IF EXISTS " + SCRATCH);
        }
    }
}
