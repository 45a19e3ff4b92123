package app.physioportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The backup round trip of the README's "Backup and restore" (issue 20), on MariaDB: ops/backup dumps the test
 * database while notices are being written into it, ops/restore loads the dump into a fresh database
 * ({@code <test database>_restore}, inside the CI user's grants) and compares every table's row count and checksum
 * with the manifest; every row committed before the backup started is there, and the portal's Flyway migrations
 * validate on the restored database. The restored database is dropped afterwards.
 */
@PortalTest
class BackupRestoreTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    String restoreUrl;
    String restoreName;

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Test
    void a_backup_taken_while_writes_go_on_restores_into_a_fresh_database_with_every_table_equal() throws Exception {
        assumeThat(TestDatabase.isMariaDb()).as("ops/backup and ops/restore work on MariaDB: this test runs with "
                + "TEST_DB=mariadb (as CI does); the embedded H2 database has BACKUP TO instead (README)").isTrue();
        String url = System.getenv("DB_URL");
        String user = System.getenv("DB_USER");
        String password = env("DB_PASSWORD", "");
        String source = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        restoreName = source + "_restore";
        restoreUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + restoreName + "$1");
        dropRestored(user, password);

        Path dir = Path.of("target", "backup-test");
        deleteTree(dir);
        Files.createDirectories(dir);

        // Notices keep being written while the backup runs; those committed before it started must be restored.
        long account = ids.idOf(Demo.PATIENT3);
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(insertNotice(account, "before the backup " + i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> during = new ArrayList<>();
        Thread writer = Thread.ofPlatform().name("backup-test-writer").start(() -> {
            int i = 0;
            while (writing.get()) {
                during.add(insertNotice(account, "during the backup " + i++));
            }
        });
        Result backup;
        try {
            backup = run(dir, List.of("ops/backup", "--out", dir.toString()), url, user, password);
        } finally {
            writing.set(false);
            writer.join(10_000);
        }
        assertThat(backup.status()).as(backup.output()).isZero();
        assertThat(during).as("writes went on during the backup").isNotEmpty();

        Path dump;
        try (Stream<Path> files = Files.list(dir)) {
            dump = files.filter(p -> p.toString().endsWith(".sql.gz")).findFirst().orElseThrow();
        }
        Path manifestFile = Path.of(dump.toString().replace(".sql.gz", ".manifest"));
        Map<String, Long> manifest = manifestCounts(manifestFile);
        Set<String> sourceTables = Set.copyOf(jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = database() and table_type = 'BASE TABLE'", String.class));
        assertThat(manifest.keySet()).as("every table is in the manifest").containsExactlyInAnyOrderElementsOf(sourceTables);
        assertThat(manifest.get("cramp_entry")).as("the demo diary is in the backup").isPositive();

        Result restore = run(dir, List.of("ops/restore", dump.toString(), "--into", restoreName), url, user, password);
        assertThat(restore.status()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("verify: every table's row count and checksum equal the manifest");
        for (String table : sourceTables) {
            assertThat(restore.output()).as("the comparison names %s", table).containsPattern("(?m)^" + table + " .* equal$");
        }

        DataSource restored = new DriverManagerDataSource(restoreUrl, user, password);
        JdbcTemplate restoredJdbc = new JdbcTemplate(restored);
        for (String table : sourceTables) {
            assertThat(restoredJdbc.queryForObject("select count(*) from `" + table + "`", Long.class))
                    .as("rows of %s in the restored database", table).isEqualTo(manifest.get(table));
        }
        List<Long> restoredNotices = restoredJdbc.queryForList("select id from notice where account_id = ?", Long.class,
                account);
        assertThat(restoredNotices).as("every notice committed before the backup started").containsAll(before);

        Flyway.configure().dataSource(restored).locations("classpath:db/migration").load().validate();

        Result again = run(dir, List.of("ops/restore", dump.toString(), "--into", restoreName), url, user, password);
        assertThat(again.status()).as("a database with tables is not overwritten without --force").isEqualTo(3);
        assertThat(again.output()).contains("refused");
    }

    @AfterEach
    void dropRestoredDatabaseAndTheNotices() throws Exception {
        // The notices were only something to write; patient 3 should not find them on their next page.
        jdbc.update("delete from notice where account_id = ? and (text like 'before the backup %' "
                + "or text like 'during the backup %')", ids.idOf(Demo.PATIENT3));
        if (restoreName != null) {
            dropRestored(System.getenv("DB_USER"), env("DB_PASSWORD", ""));
        }
    }

    private void dropRestored(String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(System.getenv("DB_URL"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + restoreName + "`");
        }
    }

    private long insertNotice(long account, String text) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into notice (account_id, text, created_at) values (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, account);
            ps.setString(2, text);
            ps.setObject(3, LocalDateTime.now());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    record Result(int status, String output) {
    }

    private static Result run(Path dir, List<String> command, String url, String user, String password)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        Map<String, String> environment = builder.environment();
        List.of("DB_HOST", "DB_PORT", "DB_NAME").forEach(environment::remove);
        environment.put("DB_URL", url);
        environment.put("DB_USER", user);
        environment.put("DB_PASSWORD", password);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finishes within 2 minutes", command).isTrue();
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        System.out.println(output);
        return new Result(process.exitValue(), output);
    }

    private static Map<String, Long> manifestCounts(Path manifest) throws IOException {
        return Files.readAllLines(manifest).stream().filter(line -> line.startsWith("table\t"))
                .map(line -> line.split("\t"))
                .collect(Collectors.toMap(parts -> parts[1], parts -> Long.parseLong(parts[2]), (a, b) -> a,
                        LinkedHashMap::new));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
