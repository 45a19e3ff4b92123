package app.physioportal.bench.load;

import app.physioportal.bench.BenchData;
import java.net.URI;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The several-servers check of issue 10: 100 patients, each signed in through HAProxy (cookie-sticky
 * sessions spread over two portal instances sharing one MariaDB), open Appointments, choose the same
 * slot of the same physio, wait for each other, then all press "Book this time" at once. Exactly one
 * booking may succeed; every other patient must be told the time was just taken; the database must
 * hold one live appointment at that time.
 *
 * <p>Started by {@code bench/run cluster}, which starts MariaDB's database, both instances and HAProxy.
 * Arguments: the HAProxy URL. Environment: BENCH_DB_URL, BENCH_DB_USER, BENCH_DB_BenchData.PASSWORD (the same
 * database the instances use). Exit code 0 only when exactly one booking succeeded.
 */
public final class ClusterBookingBench {

    static final int PATIENTS = 100;
    static final String PHYSIO = "cluster-physio@example.org";
    static final ZoneId CLINIC = ZoneId.of("Europe/London");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:18100/");
        String url = System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:mariadb://127.0.0.1:3306/physio_portal_cluster");
        String user = System.getenv().getOrDefault("BENCH_DB_USER", "physio_bench");
        String password = System.getenv().getOrDefault("BENCH_DB_BenchData.PASSWORD", "");
        Instant slot;
        long physioId;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            physioId = seed(db);
            slot = slotToBook();
        }
        System.out.println("Slot: " + slot.atZone(CLINIC) + " with " + PHYSIO + "; " + PATIENTS
                + " patients sign in through " + base);

        HttpClient http = VaadinClient.newHttpClient();
        CyclicBarrier allChosen = new CyclicBarrier(PATIENTS);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Map<String, Integer> instances = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(PATIENTS);
        long[] confirmMillis = new long[PATIENTS];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 1; i <= PATIENTS; i++) {
                int n = i;
                all.add(threads.submit(() -> {
                    try {
                        VaadinClient client = new VaadinClient(http, base);
                        client.useAuthenticatorKey(BenchData.AUTHENTICATOR_KEY);
                        client.signIn(patientEmail(n), BenchData.PASSWORD);
                        client.openPage("appointments");
                        // The page shows one day's times: the day first, as a patient taps it.
                        client.click("slot-day-" + slot.atZone(CLINIC).toLocalDate());
                        client.click("slot-" + slot.getEpochSecond());
                        client.require("confirm-booking");
                        allChosen.await(120, TimeUnit.SECONDS);
                        long t0 = System.nanoTime();
                        client.click("confirm-booking");
                        confirmMillis[n - 1] = (System.nanoTime() - t0) / 1_000_000;
                        outcomes.merge(outcome(client), 1, Integer::sum);
                        instances.merge(client.cookie("PORTAL_NODE").orElse("no sticky cookie"), 1, Integer::sum);
                    } catch (Exception e) {
                        synchronized (problems) {
                            problems.add("patient " + n + ": " + e);
                        }
                        allChosen.reset();
                    } finally {
                        done.countDown();
                    }
                    return null;
                }));
            }
            done.await(300, TimeUnit.SECONDS);
        }

        int live;
        List<String> holders = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement query = db.prepareStatement("""
                        select a.email from appointment p join account a on a.id = p.patient_id
                        where p.physio_id = ? and p.starts_at = ? and p.status = 'BOOKED'""")) {
            query.setLong(1, physioId);
            query.setObject(2, LocalDateTime.ofInstant(slot, ZoneOffset.UTC));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    holders.add(rows.getString(1));
                }
            }
            live = holders.size();
        }
        long[] sorted = confirmMillis.clone();
        java.util.Arrays.sort(sorted);
        System.out.println("\n=== Two instances behind HAProxy: " + PATIENTS + " concurrent bookings of one slot ===");
        System.out.println("Patients per instance (sticky cookie): " + new TreeMap<>(instances));
        System.out.println("What the patients were shown: " + new TreeMap<>(outcomes));
        System.out.println("Live appointments at that time in MariaDB: " + live + " " + holders);
        System.out.println("'Book this time' answered in: median " + sorted[sorted.length / 2] + " ms, slowest "
                + sorted[sorted.length - 1] + " ms (all " + PATIENTS + " pressed at once)");
        problems.stream().limit(10).forEach(p -> System.out.println("  problem: " + p));
        boolean ok = live == 1 && instances.size() == 2 && outcomes.getOrDefault("booked", 0) == 1
                && outcomes.getOrDefault("told the time was just taken", 0) == PATIENTS - 1 && problems.isEmpty();
        System.out.println(ok ? "RESULT: exactly one booking succeeded; the other " + (PATIENTS - 1)
                + " were told the time was just taken" : "RESULT: FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** What the page told the patient: the notification's text is a property of the vaadin-notification element. */
    private static String outcome(VaadinClient client) {
        boolean booked = shows(client, "Booked.");
        boolean taken = shows(client, "That time was just taken");
        if (booked == taken) {
            return "neither booked nor told it was taken";
        }
        return booked ? "booked" : "told the time was just taken";
    }

    private static boolean shows(VaadinClient client, String text) {
        return !client.findAll(node -> client.text(node).contains(text)
                || node.properties.values().stream().anyMatch(value -> value.toString().contains(text))).isEmpty();
    }

    static String patientEmail(int n) {
        return "cluster-patient-" + n + "@example.org";
    }

    /** Next week's Wednesday at 10:00, clinic time: inside working hours and beyond the 24-hour notice. */
    static Instant slotToBook() {
        LocalDate day = LocalDate.now(CLINIC).plusDays(7).with(DayOfWeek.WEDNESDAY);
        if (!day.isAfter(LocalDate.now(CLINIC).plusDays(2))) {
            day = day.plusWeeks(1);
        }
        return day.atTime(10, 0).atZone(CLINIC).toInstant();
    }

    /** One physio (Mon-Fri 09:00-17:00) and 100 patients of theirs; returns the physio's id. */
    private static long seed(Connection db) throws SQLException {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(BenchData.PASSWORD);
        String now = LocalDateTime.now(ZoneOffset.UTC).toString().replace('T', ' ');
        long physioId;
        try (PreparedStatement insert = db.prepareStatement("""
                insert into account (email, display_name, password_hash, role, enabled, must_change_password, created_at)
                values (?, ?, ?, ?, true, false, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, PHYSIO);
            insert.setString(2, "Cluster Physio");
            insert.setString(3, hash);
            insert.setString(4, "PHYSIO");
            insert.setString(5, now);
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                physioId = key.getLong(1);
            }
            for (int n = 1; n <= PATIENTS; n++) {
                insert.setString(1, patientEmail(n));
                insert.setString(2, "Cluster Patient " + n);
                insert.setString(4, "PATIENT");
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys();
                        PreparedStatement patient = db.prepareStatement(
                                "insert into patient (account_id, physio_id, assigned_since) values (?, ?, ?)")) {
                    key.next();
                    patient.setLong(1, key.getLong(1));
                    patient.setLong(2, physioId);
                    patient.setObject(3, LocalDate.now(CLINIC).minusDays(30));
                    patient.executeUpdate();
                }
            }
        }
        try (PreparedStatement day = db.prepareStatement("""
                insert into working_day (physio_id, weekday, start_time, end_time, break_start, break_end, slot_minutes)
                values (?, ?, '09:00:00', '17:00:00', '12:30:00', '13:30:00', 30)""")) {
            for (int weekday = 1; weekday <= 5; weekday++) {
                day.setLong(1, physioId);
                day.setInt(2, weekday);
                day.executeUpdate();
            }
        }
        return physioId;
    }
}
