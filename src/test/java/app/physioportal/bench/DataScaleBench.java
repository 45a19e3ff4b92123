package app.physioportal.bench;

import app.physioportal.Application;
import app.physioportal.booking.BookingService;
import app.physioportal.caseload.CaseloadService;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.progress.ProgressRange;
import app.physioportal.progress.ProgressService;
import app.physioportal.security.SystemTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Part 1 of the benchmark (issue 10): the portal's own services against MariaDB at clinic-group scale.
 * Loads 1,000 patients (20 physios of 50), times the pages' queries, grows the same database to 10,000
 * patients (200 physios) and times them again; prints p50/p95 per query and the growth ratio.
 *
 * <p>Run through {@code bench/run} (which creates the database); on its own:
 * {@code BENCH_DB_URL=jdbc:mariadb://127.0.0.1:3306/physio_portal_bench BENCH_DB_USER=.. BENCH_DB_PASSWORD=..
 * java -cp ... app.physioportal.bench.DataScaleBench} against an empty database. Runs per query:
 * {@code -Dbench.runs=200}; sizes: {@code -Dbench.patients=1000,10000}.
 */
public final class DataScaleBench {

    private static final int WARMUP = 30;
    /**
     * The portal's own CPU time per call (this thread's CPU: queries built and sent, rows mapped, figures computed;
     * not the database's), printed beside the wall-clock times: it moves far less than they do when other work
     * shares the cores.
     */
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final ThreadLocal<Long> LAST_CPU = ThreadLocal.withInitial(() -> 0L);

    private final ConfigurableApplicationContext context;
    private final SystemTasks tasks;
    private final JdbcTemplate jdbc;
    private final int runs;
    private final Map<String, Map<Integer, double[]>> results = new LinkedHashMap<>();

    private DataScaleBench(ConfigurableApplicationContext context, int runs) {
        this.context = context;
        this.tasks = context.getBean(SystemTasks.class);
        this.jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        String url = env("BENCH_DB_URL", "jdbc:mariadb://127.0.0.1:3306/physio_portal_bench");
        int runs = Integer.getInteger("bench.runs", 200);
        int[] sizes = Arrays.stream(System.getProperty("bench.patients", "1000,10000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        System.out.println("Data-scale benchmark: " + Arrays.toString(sizes) + " patients, " + runs
                + " timed runs per query after " + WARMUP + " warm-up runs; database " + url);
        // Command-line arguments outrank the profile's properties file.
        String[] settings = {
            "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
            "--spring.datasource.username=" + env("BENCH_DB_USER", "physio_bench"),
            "--spring.datasource.password=" + env("BENCH_DB_PASSWORD", ""),
            "--app.demo-data=false", "--server.port=0", "--spring.main.banner-mode=off",
            "--logging.level.root=warn", "--logging.level.app.physioportal=warn"};
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles("mariadb")
                .run(settings);
        int exit = 0;
        try {
            new DataScaleBench(context, runs).run(sizes);
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            context.close();
        }
        System.exit(exit);
    }

    private void run(int[] sizes) throws Exception {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE email LIKE 'bench-%'", Integer.class);
        // -Dbench.reuse=true measures an already loaded database again (for profiling), without loading.
        boolean reuse = Boolean.getBoolean("bench.reuse");
        if (existing != null && existing > 0 && !reuse) {
            throw new IllegalStateException("The bench database already holds bench accounts: start from an empty one");
        }
        ZoneId zone = context.getBean(Nights.class).zone();
        Clock clock = context.getBean(Clock.class);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, Long> exercises = new LinkedHashMap<>();
        jdbc.query("SELECT code, id FROM exercise", rs -> {
            exercises.put(rs.getString(1), rs.getLong(2));
        });
        Path dir = Files.createTempDirectory("physio-bench");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(BenchData.PASSWORD);
        BenchData data = new BenchData(context.getBean(DataSource.class), dir, hash, today, zone, exercises);

        int maxPatients = Arrays.stream(sizes).max().orElseThrow();
        long started = System.nanoTime();
        int loaded = 0;
        if (reuse) {
            loaded = jdbc.queryForObject("SELECT COUNT(*) FROM patient", Integer.class);
        } else {
            data.loadPhysios(1, BenchData.physioOf(maxPatients));
        }
        List<String> loadLines = new ArrayList<>();
        for (int size : sizes) {
            long t0 = System.nanoTime();
            if (loaded > size) {
                throw new IllegalStateException("The database holds " + loaded + " patients, more than " + size);
            }
            for (int first = loaded + 1; first <= size; first += 1000) {
                data.loadPatients(first, Math.min(size, first + 999));
            }
            for (String table : List.of("account", "patient", "cramp_entry", "night_check_in", "adherence_record",
                    "plan_version", "prescribed_item", "appointment")) {
                jdbc.execute("ANALYZE TABLE " + table);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            loadLines.add(String.format(Locale.ROOT, "  %,d -> %,d patients: %.1f s", loaded, size, seconds));
            loaded = size;
            System.out.println(loadLines.getLast() + "  " + data.rowsLoaded());
            measure(size, today);
        }
        Files.deleteIfExists(dir);
        printReport(sizes, data.rowsLoaded(), loadLines, (System.nanoTime() - started) / 1e9);
    }

    private void measure(int patients, LocalDate today) {
        ProgressService progress = context.getBean(ProgressService.class);
        CaseloadService caseload = context.getBean(CaseloadService.class);
        DiaryService diary = context.getBean(DiaryService.class);
        BookingService booking = context.getBean(BookingService.class);
        Nights nights = context.getBean(Nights.class);
        Clock clock = context.getBean(Clock.class);
        int physios = BenchData.physioOf(patients);
        LocalDate lastNight = nights.lastNight(clock);

        time("progress, 12 weeks (patient)", patients, patientRun(patients,
                (n, id) -> progress.report(id, ProgressRange.TWELVE_WEEKS)));
        time("progress, all time (patient)", patients, patientRun(patients,
                (n, id) -> progress.report(id, ProgressRange.ALL)));
        time("diary page, 28 nights (patient)", patients, patientRun(patients, (n, id) -> {
            diary.statistics(id, lastNight.minusDays(27), lastNight);
            diary.listNights(id, lastNight.minusDays(27), lastNight);
        }));
        time("open slots, 4 weeks (patient)", patients, patientRun(patients,
                (n, id) -> booking.openSlots(id, today, today.plusDays(27))));
        SplittableRandom random = new SplittableRandom(physios);
        time("caseload of 50 (physio)", patients, run -> {
            int k = 1 + random.nextInt(physios);
            return timedAs(BenchData.physioEmail(k), () -> {
                int rows = caseload.myCaseload().size();
                if (rows != BenchData.PATIENTS_PER_PHYSIO) {
                    throw new IllegalStateException("caseload of physio " + k + " has " + rows + " rows");
                }
            });
        });
    }

    /**
     * Times one page's service calls inside a web request, as when a person opens the page: the
     * per-request parts (one access audit record per patient and request) behave as in the portal.
     */
    private static long inRequest(Runnable page) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            page.run();
            long took = System.nanoTime() - t0;
            LAST_CPU.set(THREADS.getCurrentThreadCpuTime() - cpu0);
            return took;
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    private interface PatientCall {
        void call(int n, long patientId);
    }

    /** One timed call as a random patient; signing in (loading the account) is outside the timing. */
    private IntToLongFunction patientRun(int patients, PatientCall call) {
        SplittableRandom random = new SplittableRandom(patients * 31L + call.hashCode());
        return run -> {
            int n = 1 + random.nextInt(patients);
            long id = BenchData.PATIENT_ID_BASE + n;
            return timedAs(BenchData.patientEmail(n), () -> call.call(n, id));
        };
    }

    /** Nanoseconds of one page's calls as this person; loading their account is outside the timing. */
    private long timedAs(String email, Runnable page) {
        long[] took = new long[1];
        tasks.runAsAccount(email, () -> took[0] = inRequest(page));
        return took[0];
    }

    private void time(String name, int patients, IntToLongFunction oneRun) {
        String only = System.getProperty("bench.only", "");
        if (!only.isBlank() && !name.contains(only)) {
            return;
        }
        for (int i = 0; i < WARMUP; i++) {
            oneRun.applyAsLong(i);
        }
        double[] millis = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = oneRun.applyAsLong(i) / 1e6;
            cpu[i] = LAST_CPU.get() / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        results.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(patients, millis);
        System.out.printf(Locale.ROOT, "  %-34s %,6d patients  p50 %7.2f ms  p95 %7.2f ms  portal CPU p50 %6.2f ms%n",
                name, patients, percentile(millis, 50), percentile(millis, 95), percentile(cpu, 50));
    }

    static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void printReport(int[] sizes, Map<String, Long> rows, List<String> loadLines, double seconds) {
        StringBuilder out = new StringBuilder("\n=== Data scale (MariaDB ")
                .append(jdbc.queryForObject("SELECT VERSION()", String.class)).append(", buffer pool ")
                .append(jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) / (1024 * 1024))
                .append(" MB; ").append(Runtime.getRuntime().availableProcessors()).append(" cores; ")
                .append(runs).append(" runs per query) ===\n");
        out.append("Rows loaded: ").append(rows).append('\n');
        out.append("Bulk load (LOAD DATA LOCAL INFILE, blocks of 1,000 patients):\n");
        loadLines.forEach(line -> out.append(line).append('\n'));
        Long bytes = jdbc.queryForObject("SELECT SUM(data_length + index_length) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE()", Long.class);
        out.append(String.format(Locale.ROOT, "Database size: %.0f MB%n", bytes / 1048576.0));
        out.append(String.format(Locale.ROOT, "%n%-34s", "query (ms)"));
        for (int size : sizes) {
            out.append(String.format(Locale.ROOT, " | %,7d p50  p95", size));
        }
        out.append(" | growth p50, p95\n");
        results.forEach((name, bySize) -> {
            out.append(String.format(Locale.ROOT, "%-34s", name));
            for (int size : sizes) {
                double[] m = bySize.get(size);
                out.append(String.format(Locale.ROOT, " | %11.2f %6.2f", percentile(m, 50), percentile(m, 95)));
            }
            double[] first = bySize.get(sizes[0]);
            double[] last = bySize.get(sizes[sizes.length - 1]);
            out.append(String.format(Locale.ROOT, " | x%.2f, x%.2f%n", percentile(last, 50) / percentile(first, 50),
                    percentile(last, 95) / percentile(first, 95)));
        });
        out.append(String.format(Locale.ROOT, "Growth = time at %,d / time at %,d patients (%.0fx the data); "
                + "flat means indexed range scans.%nTotal %.0f s%n", sizes[sizes.length - 1], sizes[0],
                (double) sizes[sizes.length - 1] / sizes[0], seconds));
        System.out.println(out);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
