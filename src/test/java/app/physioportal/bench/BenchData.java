package app.physioportal.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * Generates the clinic-group data set for the data-scale benchmark: physios with 50 patients each, and
 * for every patient one year of nights (cramps, cramp-free check-ins, gaps), a plan with one or two
 * versions, daily exercise ticks and visits. Rows are written to tab-separated files and bulk-loaded
 * with {@code LOAD DATA LOCAL INFILE}, a block of patients at a time, so the benchmark can measure at
 * 1,000 patients and then grow the same database to 10,000.
 *
 * <p>Accounts: {@code bench-physio-K@example.org} and {@code bench-patient-N@example.org}, all with
 * the password {@link #PASSWORD}; patient N belongs to physio ((N-1)/50)+1.
 */
public final class BenchData {

    public static final String PASSWORD = "bench-password-2026";
    /** Bench physios give codes of the demo staff's authenticator key (README, Demo logins). */
    public static final String AUTHENTICATOR_KEY = "PHYSIOPORTALDEMOSTAFFSECRETCODES";
    static final int PATIENTS_PER_PHYSIO = 50;
    static final int NIGHTS = 365;
    static final long PHYSIO_ID_BASE = 100_000;
    static final long PATIENT_ID_BASE = 200_000;
    private static final long PLAN_ID_BASE = 300_000;
    private static final long VERSION_ID_BASE = 400_000;
    private static final long ITEM_ID_BASE = 500_000;
    private static final String[] LOCATIONS = {"CALF", "CALF", "CALF", "FOOT", "THIGH_HAMSTRING"};
    private static final String[] DURATIONS = {"UNDER_1_MIN", "ONE_TO_5", "ONE_TO_5", "FIVE_TO_10", "OVER_10"};
    private static final String[] TRIGGERS = {"", "", "FATIGUE_OVERUSE", "DEHYDRATION", "PROLONGED_SITTING",
        "SLEEPING_POSITION", "DEHYDRATION,FATIGUE_OVERUSE"};
    private static final String[] RELIEF = {"STRETCH", "STRETCH", "WALKING", "MASSAGE", "HEAT", "NOTHING",
        "STRETCH,WALKING"};
    private static final String[] SIDES = {"LEFT", "RIGHT", "BOTH", "\\N"};

    private final DataSource dataSource;
    private final Path dir;
    private final String passwordHash;
    private final LocalDate today;
    private final ZoneId zone;
    private final Map<String, Long> exercises;
    private final Map<String, Long> rowsLoaded = new LinkedHashMap<>();

    BenchData(DataSource dataSource, Path dir, String passwordHash, LocalDate today, ZoneId zone,
            Map<String, Long> exercises) {
        this.dataSource = dataSource;
        this.dir = dir;
        this.passwordHash = passwordHash;
        this.today = today;
        this.zone = zone;
        this.exercises = exercises;
    }

    Map<String, Long> rowsLoaded() {
        return rowsLoaded;
    }

    static String physioEmail(int k) {
        return "bench-physio-" + k + "@example.org";
    }

    static String patientEmail(int n) {
        return "bench-patient-" + n + "@example.org";
    }

    static int physioOf(int patient) {
        return (patient - 1) / PATIENTS_PER_PHYSIO + 1;
    }

    /** Physios first..last with their working week (Mon-Fri 09:00-17:00, lunch 12:30-13:30, 30-minute slots). */
    void loadPhysios(int first, int last) {
        try (Table accounts = table("account", "id", "email", "display_name", "password_hash", "role", "enabled",
                "must_change_password", "created_at");
                Table days = table("working_day", "physio_id", "weekday", "start_time", "end_time", "break_start",
                        "break_end", "slot_minutes");
                Table factors = table("second_factor", "account_id", "totp_secret", "enrolled_at", "last_step")) {
            for (int k = first; k <= last; k++) {
                long id = PHYSIO_ID_BASE + k;
                accounts.row(id, physioEmail(k), "Bench Physio " + k, passwordHash, "PHYSIO", 1, 0,
                        ts(today.minusDays(NIGHTS + 30).atStartOfDay()));
                for (int weekday = 1; weekday <= 5; weekday++) {
                    days.row(id, weekday, "09:00:00", "17:00:00", "12:30:00", "13:30:00", 30);
                }
                factors.row(id, AUTHENTICATOR_KEY, ts(today.minusDays(NIGHTS + 30).atStartOfDay()), "\\N");
            }
        }
        loadAll("account", "working_day", "second_factor");
    }

    /** Patients first..last with a year of diary, plan and visits each. */
    void loadPatients(int first, int last) {
        LocalDate firstNight = today.minusDays(NIGHTS);
        List<LocalDate> nextWeekdays = new ArrayList<>();
        for (LocalDate d = today.plusDays(2); nextWeekdays.size() < 20; d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                nextWeekdays.add(d);
            }
        }
        try (Table accounts = table("account", "id", "email", "display_name", "password_hash", "role", "enabled",
                "must_change_password", "created_at");
                Table patients = table("patient", "account_id", "physio_id", "assigned_since", "birth_date");
                Table plans = table("plan", "id", "patient_id", "current_version", "lock_version", "created_at");
                Table versions = table("plan_version", "id", "plan_id", "version_number", "reason", "author_id",
                        "author_name", "created_at", "effective_from");
                Table items = table("prescribed_item", "id", "plan_version_id", "exercise_id", "sort_order", "sets",
                        "reps", "hold_seconds", "rest_seconds", "times_per_day", "days_per_week", "timing", "sides",
                        "progression_note");
                Table ticks = table("adherence_record", "patient_id", "exercise_id", "done_day", "week_start",
                        "plan_version_id", "effort", "done_at");
                Table cramps = table("cramp_entry", "patient_id", "occurred_at", "night_date", "intensity", "duration",
                        "duration_minutes", "location", "side", "woke_from_sleep", "triggers", "relief", "note",
                        "created_at", "updated_at");
                Table checkIns = table("night_check_in", "patient_id", "night_date", "cramp_free",
                        "sleep_disturbance", "created_at", "updated_at");
                Table visits = table("appointment", "patient_id", "physio_id", "starts_at", "ends_at", "active_start",
                        "type", "status", "note", "booked_by", "booked_at", "sequence_no", "version")) {
            long calf = exercises.get("wall-calf-stretch");
            long soleus = exercises.get("bent-knee-wall-stretch");
            long hamstring = exercises.get("seated-hamstring-stretch");
            long raises = exercises.get("double-leg-calf-raise");
            for (int n = first; n <= last; n++) {
                SplittableRandom random = new SplittableRandom(n * 7919L);
                long id = PATIENT_ID_BASE + n;
                int k = physioOf(n);
                long physio = PHYSIO_ID_BASE + k;
                int indexAtPhysio = (n - 1) % PATIENTS_PER_PHYSIO;
                accounts.row(id, patientEmail(n), "Bench Patient " + n, passwordHash, "PATIENT", 1, 0,
                        ts(firstNight.minusDays(1).atStartOfDay()));
                patients.row(id, physio, firstNight, LocalDate.of(1940 + random.nextInt(40), 1 + random.nextInt(12),
                        1 + random.nextInt(28)));

                // Plan: version 1 after a two-week baseline; half the patients progress to version 2 at mid-year.
                boolean progressed = n % 2 == 0;
                LocalDate v1From = firstNight.plusDays(14);
                LocalDate v2From = firstNight.plusDays(180);
                long planId = PLAN_ID_BASE + n;
                long v1 = VERSION_ID_BASE + 2L * n;
                long v2 = v1 + 1;
                plans.row(planId, id, progressed ? 2 : 1, 0, ts(v1From.atTime(10, 0)));
                versions.row(v1, planId, 1, "Starting plan after two weeks of baseline diary", physio,
                        "Bench Physio " + k, ts(v1From.atTime(10, 0)), v1From);
                long itemId = ITEM_ID_BASE + 10L * n;
                items.row(itemId++, v1, calf, 1, 3, 1, 30, 10, 1, 7, "BEFORE_BED", "both legs", "\\N");
                items.row(itemId++, v1, soleus, 2, 3, 1, 30, 10, 1, 7, "BEFORE_BED", "both legs", "\\N");
                items.row(itemId++, v1, hamstring, 3, 2, 1, 30, 10, 1, 7, "BEFORE_BED", "\\N", "\\N");
                if (progressed) {
                    versions.row(v2, planId, 2, "Adding calf raises: stretching is routine now", physio,
                            "Bench Physio " + k, ts(v2From.atTime(10, 0)), v2From);
                    items.row(itemId++, v2, calf, 1, 3, 1, 30, 10, 1, 7, "BEFORE_BED", "both legs", "\\N");
                    items.row(itemId++, v2, soleus, 2, 3, 1, 30, 10, 1, 7, "BEFORE_BED", "both legs", "\\N");
                    items.row(itemId++, v2, hamstring, 3, 2, 1, 30, 10, 1, 7, "BEFORE_BED", "\\N", "\\N");
                    items.row(itemId, v2, raises, 4, 2, 12, 0, 30, 1, 3, "ANY", "\\N", "Add a set when easy");
                }

                double adherence = 0.2 + 0.75 * random.nextDouble();
                double recording = 0.6 + 0.38 * random.nextDouble();
                double baseRate = 0.4 + 2.0 * random.nextDouble();
                double improvement = random.nextDouble() < 0.6 ? 0.3 + 0.5 * random.nextDouble() : 1.0;
                for (int day = 0; day < NIGHTS; day++) {
                    LocalDate night = firstNight.plusDays(day);
                    boolean onPlan = !night.isBefore(v1From);
                    long version = progressed && !night.isBefore(v2From) ? v2 : v1;
                    boolean stretched = false;
                    if (onPlan) {
                        LocalDate monday = night.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        String doneAt = ts(night.atTime(21, 30));
                        stretched = random.nextDouble() < adherence;
                        if (stretched) {
                            Object effort = random.nextInt(3) == 0 ? random.nextInt(2, 8) : "\\N";
                            ticks.row(id, calf, night, monday, version, effort, doneAt);
                            ticks.row(id, soleus, night, monday, version, "\\N", doneAt);
                            ticks.row(id, hamstring, night, monday, version, "\\N", doneAt);
                        }
                        int weekday = night.getDayOfWeek().getValue();
                        if (version == v2 && (weekday == 1 || weekday == 3 || weekday == 5)
                                && random.nextDouble() < adherence) {
                            ticks.row(id, raises, night, monday, version, "\\N", ts(night.atTime(11, 0)));
                        }
                    }
                    if (random.nextDouble() >= recording) {
                        continue; // not recorded: neither cramps nor a check-in
                    }
                    double progress = onPlan ? Math.min(1.0, (double) (day - 14) / 120) : 0;
                    double rate = baseRate * (1 - progress * (1 - improvement)) * (stretched ? 0.8 : 1.1);
                    int count = poisson(random, rate);
                    LocalDateTime morning = night.plusDays(1).atTime(7, 30);
                    if (count == 0) {
                        checkIns.row(id, night, 1, random.nextInt(4) == 0 ? random.nextInt(0, 3) : "\\N",
                                ts(morning), ts(morning));
                        continue;
                    }
                    if (random.nextInt(3) == 0) {
                        checkIns.row(id, night, 0, random.nextInt(2, 9), ts(morning), ts(morning));
                    }
                    for (int c = 0; c < count; c++) {
                        LocalDateTime at = night.atTime(23, 0).plusMinutes(random.nextInt(6 * 60));
                        String duration = DURATIONS[random.nextInt(DURATIONS.length)];
                        cramps.row(id, ts(at), night, random.nextInt(2, 10), duration, "\\N",
                                LOCATIONS[random.nextInt(LOCATIONS.length)], SIDES[random.nextInt(SIDES.length)],
                                random.nextBoolean() ? 1 : 0, TRIGGERS[random.nextInt(TRIGGERS.length)],
                                RELIEF[random.nextInt(RELIEF.length)], "\\N", ts(at.plusMinutes(3)),
                                ts(at.plusMinutes(3)));
                    }
                }

                // Visits: an attended one every quarter; a third of the patients have one booked ahead.
                for (int quarter = 0; quarter < 4; quarter++) {
                    LocalDate day = firstNight.plusDays(7 + 90L * quarter + indexAtPhysio);
                    LocalDateTime start = day.atTime(10, 0);
                    visits.row(id, physio, utc(start), utc(start.plusMinutes(30)), utc(start), "IN_CLINIC", "ATTENDED",
                            "\\N", physioEmail(k), utc(start.minusDays(10)), 0, 0);
                }
                if (indexAtPhysio % 3 == 0) {
                    int slot = indexAtPhysio / 3;
                    LocalDateTime start = nextWeekdays.get(slot % 20).atTime(9, 0).plusMinutes(30L * (slot / 20));
                    visits.row(id, physio, utc(start), utc(start.plusMinutes(30)), utc(start), "IN_CLINIC", "BOOKED",
                            "\\N", patientEmail(n), utc(start.minusDays(14)), 0, 0);
                }
            }
        }
        loadAll("account", "patient", "plan", "plan_version", "prescribed_item", "adherence_record", "cramp_entry",
                "night_check_in", "appointment");
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit && count < 6) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private String ts(LocalDateTime local) {
        return local.toString().replace('T', ' ');
    }

    /** Appointments store instants in UTC; the local clinic time is converted. */
    private String utc(LocalDateTime clinicTime) {
        return clinicTime.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().toString()
                .replace('T', ' ');
    }

    private final Map<String, Table> tables = new HashMap<>();

    private Table table(String name, String... columns) {
        Table table = new Table(dir.resolve(name + ".tsv"), columns);
        tables.put(name, table);
        return table;
    }

    private void loadAll(String... names) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = 0");
            statement.execute("SET unique_checks = 0");
            for (String name : names) {
                Table table = tables.get(name);
                long rows = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE '" + table.file
                        + "' INTO TABLE " + name + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                        + " LINES TERMINATED BY '\\n' (" + String.join(", ", table.columns) + ")");
                if (rows != table.rows) {
                    throw new IllegalStateException(name + ": wrote " + table.rows + " rows, loaded " + rows);
                }
                rowsLoaded.merge(name, rows, Long::sum);
                Files.deleteIfExists(table.file);
            }
            statement.execute("SET foreign_key_checks = 1");
            statement.execute("SET unique_checks = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One tab-separated file per table; {@code \N} is SQL NULL. */
    private static final class Table implements AutoCloseable {
        final Path file;
        final List<String> columns;
        final BufferedWriter out;
        long rows;

        Table(Path file, String... columns) {
            this.file = file;
            this.columns = List.of(columns);
            try {
                this.out = Files.newBufferedWriter(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException(file + ": " + values.length + " values for " + columns);
            }
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.write('\t');
                    }
                    out.write(String.valueOf(values[i]));
                }
                out.write('\n');
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
