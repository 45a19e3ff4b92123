package app.physioportal.bench.load;

import app.physioportal.bench.BenchData;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Retained server heap per signed-in idle session: heap after a full GC with no sessions, then with N
 * sessions each signed in through {@link VaadinClient} with Today open, kept alive (heartbeats) and idle.
 * Prints the total and per-session figure and, from {@code jcmd GC.class_histogram} before and after, the
 * classes that grew most per session. Run it against a freshly started server: sessions left by an earlier
 * load test would be counted in the baseline, and they expire only after 30 minutes.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) app.physioportal.bench.load.SessionMemoryBench \
 *   --base-url http://localhost:18090 --server-pid 12345 \
 *   --patients bench-patient-%d@example.org --patient-count 10000 --password bench-password-2026 --sessions 500
 * </pre>
 */
public final class SessionMemoryBench {

    public static void main(String[] args) throws Exception {
        LoadBench.Options options = LoadBench.Options.parse(args, LoadBench.Options.withAccountDefaults(
                Map.entry("sessions", "500"),
                Map.entry("parallel", "8"),
                Map.entry("warmup", "10"),
                Map.entry("hold-seconds", "0"),
                Map.entry("top", "25"),
                Map.entry("target-kb", "150"),
                Map.entry("keep-signed-in", "false"),
                // The page each session is left on: signed in, the landing page is waited for, then the route is
                // opened as the side navigation does, and its root element is waited for (issue 18's per-page table).
                Map.entry("landing", "today-view"),
                Map.entry("page", ""),
                Map.entry("page-id", ""),
                Map.entry("navigations", "40")));
        long pid = Long.parseLong(options.get("server-pid"));
        if (pid <= 0) {
            throw new IllegalArgumentException("--server-pid is required (the server's heap is measured with jcmd)");
        }
        ServerProbe probe = new ServerProbe(pid);
        URI base = URI.create(options.get("base-url"));
        HttpClient http = VaadinClient.newHttpClient();
        int sessions = options.integer("sessions");

        // Warm-up: the first sign-ins fill application-wide caches (routes, component metadata, JIT), which are
        // not per session. They sign out again, so their sessions are gone before the baseline.
        List<VaadinClient> warm = signIn(http, base, options, options.integer("warmup"), 0);
        warm.forEach(SessionMemoryBench::signOut);

        long baselineKb = probe.heapAfterFullGcKb();
        Map<String, long[]> before = probe.classHistogram();
        System.out.printf(Locale.ROOT, "Heap after full GC with 0 signed-in sessions: %,d KB%n", baselineKb);

        long start = System.nanoTime();
        List<VaadinClient> clients = signIn(http, base, options, sessions, options.integer("warmup"));
        System.out.printf(Locale.ROOT, "Signed in %d of %d sessions (%s open) in %.1f s%n", clients.size(), sessions,
                options.get("page").isEmpty() ? options.get("landing") : options.get("page"),
                (System.nanoTime() - start) / 1e9);
        long holdUntil = System.nanoTime() + options.integer("hold-seconds") * 1_000_000_000L;
        while (System.nanoTime() < holdUntil) {
            // flow-client's heartbeat runs every 5 minutes; idle UIs are closed after three missed ones.
            Thread.sleep(Math.min(240_000, Math.max(1, (holdUntil - System.nanoTime()) / 1_000_000)));
            heartbeats(clients);
        }

        long loadedKb = probe.heapAfterFullGcKb();
        Map<String, long[]> after = probe.classHistogram();
        int n = clients.size();
        double perSessionKb = n == 0 ? Double.NaN : (loadedKb - baselineKb) / (double) n;
        System.out.printf(Locale.ROOT, "Heap after full GC with %d signed-in idle sessions: %,d KB%n", n, loadedKb);
        System.out.printf(Locale.ROOT, "Retained: %,d KB in total, %.1f KB per session (target <= %s KB): %s%n",
                loadedKb - baselineKb, perSessionKb, options.get("target-kb"),
                perSessionKb <= options.integer("target-kb") ? "met" : "NOT met");

        printTopClasses(before, after, n, options.integer("top"));
        timeNavigation(clients, options);

        if (!options.bool("keep-signed-in")) {
            clients.forEach(SessionMemoryBench::signOut);
            System.out.printf(Locale.ROOT, "Heap after full GC once all signed out again: %,d KB%n", probe.heapAfterFullGcKb());
        } else {
            System.out.println("Keeping the sessions; stop with Ctrl-C (heartbeats every 4 minutes).");
            while (true) {
                Thread.sleep(240_000);
                heartbeats(clients);
            }
        }
    }

    /**
     * Building the page on navigation, timed at the server's answer: sessions (after the memory figure, so it is not
     * disturbed) go to My account and back to the page, as the side navigation does, one at a time; the time is the
     * UIDL round trip that builds the page, plus the virtual lists' request for their items where the page has one
     * (what a user waits for before the page is filled). The first ten are a warm-up.
     */
    private static void timeNavigation(List<VaadinClient> clients, LoadBench.Options options) {
        String route = options.get("page").isEmpty() ? options.get("landing").replace("-view", "")
                : options.get("page");
        String pageId = options.get("page").isEmpty() ? options.get("landing") : options.get("page-id");
        int warmup = 10;
        int measured = Math.min(clients.size() - warmup, options.integer("navigations"));
        if (measured < 5) {
            System.out.println("Navigation: too few sessions to time");
            return;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < warmup + measured; i++) {
            VaadinClient client = clients.get(i);
            try {
                client.navigate("account", "client");
                client.expect("account-view");
                long start = System.nanoTime();
                client.navigate(route, "client");
                client.expect(pageId);
                client.showVirtualLists();
                if (i >= warmup) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            } catch (RuntimeException e) {
                System.out.println("  navigation failed: " + e.getMessage());
            }
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "Navigation to %s: median %.1f ms, p95 %.1f ms over %d (server's answer, one at a"
                + " time)%n", route, rank(millis, 50), rank(millis, 95), millis.size());
    }

    /** Nearest-rank percentile of sorted values. */
    private static double rank(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static List<VaadinClient> signIn(HttpClient http, URI base, LoadBench.Options options, int count, int offset)
            throws InterruptedException {
        List<VaadinClient> clients = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        Semaphore parallel = new Semaphore(options.integer("parallel"));
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = String.format(Locale.ROOT, options.get("patients"),
                    (offset + i) % options.integer("patient-count") + 1);
            parallel.acquire();
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    VaadinClient client = new VaadinClient(http, base);
                    client.useAuthenticatorKey(BenchData.AUTHENTICATOR_KEY);
                    client.signIn(email, options.get("password"));
                    client.expect(options.get("landing"));
                    if (!options.get("page").isEmpty()) {
                        client.navigate(options.get("page"), "client");
                        client.expect(options.get("page-id"));
                    }
                    // As a browser would once the page is drawn: a virtual list asks for the items it shows.
                    client.showVirtualLists();
                    clients.add(client);
                } catch (RuntimeException e) {
                    failures.merge(e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\d+", "#"), 1,
                            Integer::sum);
                } finally {
                    done.incrementAndGet();
                    parallel.release();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        failures.forEach((message, times) -> System.out.println("  sign-in failed x" + times + ": " + message));
        return new ArrayList<>(clients);
    }

    private static void heartbeats(List<VaadinClient> clients) {
        int failed = 0;
        for (VaadinClient client : clients) {
            try {
                client.heartbeat();
            } catch (RuntimeException e) {
                failed++;
            }
        }
        if (failed > 0) {
            System.out.println("  " + failed + " heartbeats failed");
        }
    }

    private static void signOut(VaadinClient client) {
        try {
            client.click("sign-out");
        } catch (RuntimeException e) {
            System.out.println("  sign-out failed: " + e.getMessage());
        }
    }

    private static void printTopClasses(Map<String, long[]> before, Map<String, long[]> after, int sessions, int top) {
        if (sessions == 0) {
            return;
        }
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        record Growth(String name, long instances, long bytes) {
        }
        List<Growth> growth = new ArrayList<>();
        for (String name : names) {
            long[] b = before.getOrDefault(name, new long[2]);
            long[] a = after.getOrDefault(name, new long[2]);
            growth.add(new Growth(name, a[0] - b[0], a[1] - b[1]));
        }
        growth.sort((x, y) -> Long.compare(y.bytes(), x.bytes()));
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        System.out.printf(Locale.ROOT, "Class histogram growth (live objects after full GC), top %d of %,d KB; per session:%n",
                top, total / 1024);
        System.out.printf(Locale.ROOT, "  %10s %10s  %s%n", "objects", "bytes", "class");
        growth.stream().limit(top).forEach(g -> System.out.printf(Locale.ROOT, "  %10.1f %10.0f  %s%n",
                g.instances() / (double) sessions, g.bytes() / (double) sessions, g.name()));
    }
}
