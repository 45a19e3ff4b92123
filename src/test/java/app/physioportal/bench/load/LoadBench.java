package app.physioportal.bench.load;

import app.physioportal.bench.BenchData;
import app.physioportal.bench.load.UiTree.Node;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent users against a running portal (the production jar), over Vaadin's own protocol
 * ({@link VaadinClient}): virtual patients sign in, tick an exercise on Today, log a cramp through the quick
 * log, open Progress and go back to Today; one user in ten is a physio opening the caseload and a patient
 * page. Think time 3-5 s between actions. Users are added in stages; each stage is measured on its own and
 * printed per action (count, p50/p95/p99, errors), with the server's CPU over the stage and its heap after a
 * full GC at the end. Stops ramping at the first errors or when p95 passes the stop threshold.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) app.physioportal.bench.load.LoadBench \
 *   --base-url http://localhost:18090 --server-pid 12345 \
 *   --patients bench-patient-%d@example.org --patient-count 10000 \
 *   --physios bench-physio-%d@example.org --physio-count 200 --password bench-password-2026 \
 *   --stages 25,50,100,200,300,400,500,600 --stage-seconds 60
 * </pre>
 */
public final class LoadBench {

    private final Options options;
    private final HttpClient http = VaadinClient.newHttpClient();
    private final URI base;
    private final ServerProbe probe;
    private final AtomicInteger patientAccounts = new AtomicInteger();
    private final AtomicInteger physioAccounts = new AtomicInteger();
    private final AtomicLong skippedTicks = new AtomicLong();
    private final List<Thread> users = new ArrayList<>();
    /** Users that have finished (or failed) their first action: a stage is measured once all have. */
    private final Set<Thread> acted = new HashSet<>();
    private volatile boolean running = true;
    /** Where finished actions are recorded; a throw-away during ramp-up, so only steady state is measured. */
    private volatile Stats current = new Stats();
    /** The same per HTTP request kind, to see which requests make up a slow action. */
    private volatile Stats currentRequests = new Stats();

    private LoadBench(Options options) {
        this.options = options;
        this.base = URI.create(options.get("base-url"));
        long pid = Long.parseLong(options.get("server-pid"));
        this.probe = pid > 0 ? new ServerProbe(pid) : null;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, Options.withAccountDefaults(
                Map.entry("physios", "bench-physio-%d@example.org"),
                Map.entry("physio-count", "200"),
                Map.entry("stages", "25,50,100,200,300,400,500,600,700,800"),
                Map.entry("stage-seconds", "60"),
                Map.entry("ramp-seconds", "15"),
                Map.entry("think-min-ms", "3000"),
                Map.entry("think-max-ms", "5000"),
                Map.entry("physio-every", "10"),
                Map.entry("loops-per-login", "2"),
                Map.entry("target-p95-ms", "200"),
                Map.entry("stop-p95-ms", "1000"),
                Map.entry("trace", "false")));
        new LoadBench(options).run();
    }

    private void run() throws InterruptedException {
        int[] stages = Arrays.stream(options.get("stages").split(",")).map(String::strip).mapToInt(Integer::parseInt)
                .toArray();
        int stageSeconds = options.integer("stage-seconds");
        int rampSeconds = options.integer("ramp-seconds");
        long targetP95 = options.integer("target-p95-ms");
        long stopP95 = options.integer("stop-p95-ms");
        System.out.printf(Locale.ROOT, "Load test of %s: stages %s users, %d s ramp + %d s measured each, think %d-%d ms,"
                + " 1 physio in %d users, sign out and in again every %d loops; %d cores here (load generator included)%n",
                base, options.get("stages"), rampSeconds, stageSeconds, options.integer("think-min-ms"),
                options.integer("think-max-ms"), options.integer("physio-every"), options.integer("loops-per-login"),
                Runtime.getRuntime().availableProcessors());
        List<String> summary = new ArrayList<>();
        int best = 0;
        int bestWithSignIn = 0;
        for (int stage = 0; stage < stages.length; stage++) {
            int target = stages[stage];
            current = new Stats();
            int toAdd = target - users.size();
            for (int i = 0; i < toAdd && running; i++) {
                startUser(users.size());
                Thread.sleep(Math.max(1, rampSeconds * 1000L / Math.max(1, toAdd)));
            }
            awaitFirstActions(options.integer("think-max-ms") + 60_000L);
            Stats stats = new Stats();
            Stats requestStats = new Stats();
            double cpuBefore = probe == null ? 0 : probe.cpuSeconds();
            double ownBefore = ServerProbe.ownCpuSeconds();
            long requestsBefore = VaadinClient.TOTAL_REQUESTS.sum();
            long start = System.nanoTime();
            current = stats;
            currentRequests = requestStats;
            Thread.sleep(stageSeconds * 1000L);
            current = new Stats();
            currentRequests = new Stats();
            double seconds = (System.nanoTime() - start) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            double cpuSpent = probe == null ? Double.NaN : probe.cpuSeconds() - cpuBefore;
            double cpu = cpuSpent / seconds / cores * 100;
            double ownCpu = (ServerProbe.ownCpuSeconds() - ownBefore) / seconds / cores * 100;
            double rate = (VaadinClient.TOTAL_REQUESTS.sum() - requestsBefore) / seconds;
            long heapKb = probe == null ? -1 : probe.heapAfterFullGcKb();

            List<Stats.Summary> lines = stats.summaries();
            Stats.Summary all = lines.getLast();
            Stats.Summary inApp = lines.get(lines.size() - 2);
            long worstP95 = lines.stream().filter(s -> !s.action().equals(Stats.ALL) && !s.action().equals(Stats.IN_APP))
                    .mapToLong(Stats.Summary::p95).max().orElse(0);
            System.out.printf(Locale.ROOT, "%n== stage %d: %d users (%d physios), %.0f s measured%n", stage + 1, users.size(),
                    physioCount(users.size()), seconds);
            System.out.println(Stats.header());
            lines.forEach(line -> System.out.println(line.format()));
            // Server CPU per in-app action: compares capacity across machines and runs better than latency does.
            double cpuMsPerAction = all.count() == 0 ? Double.NaN : cpuSpent * 1000 / all.count();
            System.out.printf(Locale.ROOT, "  HTTP requests %.1f/s; server CPU %s of %d cores (%s ms per action); load"
                    + " generator CPU %.0f%%; server heap after full GC %s%n", rate,
                    Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", cpu), cores,
                    Double.isNaN(cpuMsPerAction) ? "n/a" : String.format(Locale.ROOT, "%.1f", cpuMsPerAction),
                    ownCpu, heapKb < 0 ? "n/a" : (heapKb / 1024) + " MB");
            System.out.println("  per HTTP request:");
            requestStats.summaries().stream().filter(line -> !line.action().equals(Stats.ALL) && !line.action().equals(Stats.IN_APP))
                    .forEach(line -> System.out.println(line.format()));
            stats.errorSamples().forEach((message, n) -> System.out.println("  error x" + n + " " + message));
            summary.add(String.format(Locale.ROOT, "  %6d %9.1f %7d %7d %7d %7d %9d %7d %6s %7s %8s", users.size(),
                    all.count() / seconds, inApp.p50(), inApp.p95(), inApp.p99(), all.p95(), worstP95, all.errors(),
                    Double.isNaN(cpu) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", cpu),
                    Double.isNaN(cpuMsPerAction) ? "n/a" : String.format(Locale.ROOT, "%.1f", cpuMsPerAction),
                    heapKb < 0 ? "n/a" : (heapKb / 1024) + " MB"));
            if (all.errors() == 0 && inApp.p95() <= targetP95 && inApp.count() > 0) {
                best = users.size();
            }
            if (all.errors() == 0 && all.p95() <= targetP95 && all.count() > 0) {
                bestWithSignIn = users.size();
            }
            if (all.errors() > 0 || inApp.p95() > stopP95) {
                System.out.println("  stopping the ramp: " + (all.errors() > 0 ? all.errors() + " errors"
                        : "in-app p95 " + inApp.p95() + " ms > " + stopP95 + " ms"));
                break;
            }
        }
        running = false;
        users.forEach(Thread::interrupt);
        for (Thread user : users) {
            user.join(35_000);
        }
        System.out.printf(Locale.ROOT, "%nSummary (ms; p50/p95/p99 of in-app actions, i.e. all but sign in; \"all p95\" includes"
                + " sign in; \"worst p95\" is the slowest single action's)%n");
        System.out.printf(Locale.ROOT, "  %6s %9s %7s %7s %7s %7s %9s %7s %6s %7s %8s%n", "users", "actions/s", "p50", "p95",
                "p99", "all p95", "worst p95", "errors", "CPU", "ms/act", "heap");
        summary.forEach(System.out::println);
        if (skippedTicks.get() > 0) {
            System.out.println("  (" + skippedTicks.get() + " Today visits had no exercise to tick: no plan)");
        }
        System.out.printf(Locale.ROOT, "Largest user count with p95 <= %d ms and no errors: %s (in-app actions);"
                + " %s counting sign-in too%n", targetP95, best == 0 ? "none of the stages" : Integer.toString(best),
                bestWithSignIn == 0 ? "none" : Integer.toString(bestWithSignIn));
    }

    private int physioCount(int userCount) {
        return userCount / options.integer("physio-every");
    }

    private void startUser(int index) {
        boolean physio = (index + 1) % options.integer("physio-every") == 0;
        String email = physio
                ? String.format(Locale.ROOT, options.get("physios"), physioAccounts.getAndIncrement() % options.integer("physio-count") + 1)
                : String.format(Locale.ROOT, options.get("patients"), patientAccounts.getAndIncrement() % options.integer("patient-count") + 1);
        Thread thread = Thread.ofVirtual().name((physio ? "physio-" : "patient-") + index).start(() -> {
            // Spread the first actions, so users added together do not act in lock-step.
            if (!pause(ThreadLocalRandom.current().nextLong(0, options.integer("think-max-ms")))) {
                return;
            }
            while (running) {
                VaadinClient client = new VaadinClient(http, base);
                client.useAuthenticatorKey(BenchData.AUTHENTICATOR_KEY);
                client.trace(options.bool("trace"));
                client.onRequest((kind, millis) -> currentRequests.record(kind, millis));
                try {
                    if (physio) {
                        physioSession(client, email);
                    } else {
                        patientSession(client, email);
                    }
                } catch (Stop stop) {
                    // End of the test: sign out, so the sessions do not linger for 30 minutes on the server (a
                    // memory measurement may follow). Best effort: a request cut off by the stop may have left
                    // this client out of step.
                    Thread.interrupted();
                    if (client.hasUi() && client.findById("sign-out").isPresent()) {
                        try {
                            client.click("sign-out");
                        } catch (RuntimeException ignored) {
                            // Nothing to record after the last stage.
                        }
                    }
                    return;
                } catch (ActionFailed failed) {
                    // Recorded; start a fresh session after a pause, as a user would reload and sign in again.
                    if (!pause(options.integer("think-max-ms"))) {
                        return;
                    }
                }
            }
        });
        users.add(thread);
    }

    // ---------------------------------------------------------------- scenarios

    private void patientSession(VaadinClient c, String email) {
        action("sign in", () -> {
            c.signIn(email, options.get("password"));
            c.expect("today-view");
        });
        for (int loop = 0; loop < options.integer("loops-per-login"); loop++) {
            think();
            markDone(c);
            think();
            action("open quick log", () -> {
                c.click("log-cramp-nav");
                c.expect("quick-log-view");
            });
            think();
            String intensity = "intensity-" + ThreadLocalRandom.current().nextInt(1, 11);
            action("tap intensity", () -> {
                c.click(intensity);
                expectPressed(c, intensity);
            });
            think();
            String place = "location-" + List.of("CALF", "CALF", "FOOT", "THIGH_HAMSTRING").get(ThreadLocalRandom.current().nextInt(4));
            action("tap place", () -> {
                c.click(place);
                expectPressed(c, place);
            });
            think();
            action("save cramp", () -> {
                c.click("save-cramp");
                c.expect("diary-view");
            });
            think();
            action("open progress", () -> {
                c.navigate("progress", "client");
                c.expect("progress-view");
            });
            think();
            action("open today", () -> {
                c.navigate("today", "client");
                c.expect("today-view");
            });
        }
        think();
        action("sign out", () -> signOut(c));
    }

    private void markDone(VaadinClient c) {
        List<Node> open = c.findAll(n -> n.id() != null && n.id().startsWith("done-") && !n.id().startsWith("done-label-"));
        if (!open.isEmpty()) {
            String exercise = open.get(ThreadLocalRandom.current().nextInt(open.size())).id().substring("done-".length());
            tick(c, exercise);
            return;
        }
        List<Node> ticked = c.findByIdPrefix("undo-");
        if (ticked.isEmpty()) {
            if (c.findById("no-plan").isPresent()) {
                skippedTicks.incrementAndGet();
                return;
            }
            action("mark done", () -> {
                throw new VaadinClient.ProtocolException("Today shows neither tick buttons nor 'no plan' on " + c.describePage());
            });
            return;
        }
        // Everything is ticked today: take one back, then tick it again.
        String exercise = ticked.get(ThreadLocalRandom.current().nextInt(ticked.size())).id().substring("undo-".length());
        action("undo tick", () -> {
            c.click("undo-" + exercise);
            c.expect("done-" + exercise);
        });
        think();
        tick(c, exercise);
    }

    private void tick(VaadinClient c, String exercise) {
        action("mark done", () -> {
            c.click("done-" + exercise);
            c.expect("undo-" + exercise);
        });
    }

    private void physioSession(VaadinClient c, String email) {
        action("sign in", () -> {
            c.signIn(email, options.get("password"));
            c.expect("caseload-view");
        });
        for (int loop = 0; loop < options.integer("loops-per-login"); loop++) {
            think();
            action("open patient", () -> {
                List<String> patients = caseloadPatients(c);
                if (patients.isEmpty()) {
                    throw new VaadinClient.ProtocolException("the caseload lists no patients");
                }
                c.navigate("patients/" + patients.get(ThreadLocalRandom.current().nextInt(patients.size())), "link");
                c.expect("patient-view");
            });
            think();
            action("open caseload", () -> {
                c.navigate("caseload", "client");
                c.expect("caseload-view");
            });
        }
        think();
        action("sign out", () -> signOut(c));
    }

    /**
     * The caseload's cards are a virtual list: as the browser's connector does once the list is on screen, ask for
     * the first cards (those visible plus its buffer of 20), then read the patients' ids from the items sent.
     */
    private static List<String> caseloadPatients(VaadinClient c) {
        c.require("caseload-list");
        if (c.dataItems().isEmpty()) {
            c.showVirtualLists();
        }
        List<String> ids = new java.util.ArrayList<>();
        for (var item : c.dataItems()) {
            item.propertyNames().forEach(name -> {
                if (name.endsWith("_id")) {
                    ids.add(String.valueOf(item.get(name).asLong()));
                }
            });
        }
        return ids;
    }

    private static void signOut(VaadinClient c) {
        c.click("sign-out");
        if (c.redirect() == null || !c.redirect().contains("login")) {
            throw new VaadinClient.ProtocolException("sign-out did not send the browser to the login page (redirect "
                    + c.redirect() + ")");
        }
    }

    private static void expectPressed(VaadinClient c, String chip) {
        String pressed = c.require(chip).attribute("aria-pressed");
        if (!"true".equals(pressed)) {
            throw new VaadinClient.ProtocolException("#" + chip + " not pressed after the tap (aria-pressed=" + pressed + ")");
        }
    }

    // ---------------------------------------------------------------- timing

    private interface Step {
        void run();
    }

    /** A recorded failure ends the session. */
    private static final class ActionFailed extends RuntimeException {
        ActionFailed(Throwable cause) {
            super(cause);
        }
    }

    /** The stage is over. */
    private static final class Stop extends RuntimeException {
    }

    private void action(String name, Step step) {
        if (!running) {
            throw new Stop();
        }
        Stats stats = current;
        long start = System.nanoTime();
        try {
            step.run();
        } catch (RuntimeException e) {
            firstActionDone();
            if (!running) {
                throw new Stop();
            }
            stats.error(name, e.getClass().getSimpleName() + ": " + e.getMessage());
            if (options.bool("trace")) {
                e.printStackTrace();
            }
            throw new ActionFailed(e);
        }
        stats.record(name, (System.nanoTime() - start) / 1_000_000);
        firstActionDone();
    }

    private void firstActionDone() {
        synchronized (acted) {
            if (acted.add(Thread.currentThread())) {
                acted.notifyAll();
            }
        }
    }

    /** Waits until every user started so far has finished its first action (sign-in), or the time is up. */
    private void awaitFirstActions(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (acted) {
            long left;
            while (acted.size() < users.size() && running && (left = deadline - System.currentTimeMillis()) > 0) {
                acted.wait(left);
            }
        }
    }

    private void think() {
        long min = options.integer("think-min-ms");
        long max = options.integer("think-max-ms");
        if (!pause(min >= max ? min : ThreadLocalRandom.current().nextLong(min, max + 1))) {
            throw new Stop();
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** {@code --name value} or {@code --name=value}, with defaults. */
    static final class Options {
        private final Map<String, String> values;

        private Options(Map<String, String> values) {
            this.values = values;
        }

        /** The options both load programs take (where the portal runs, whose accounts), plus their own. */
        @SafeVarargs
        static Map<String, String> withAccountDefaults(Map.Entry<String, String>... own) {
            Map<String, String> defaults = new HashMap<>(Map.of(
                    "base-url", "http://localhost:8080",
                    "server-pid", "0",
                    "patients", "bench-patient-%d@example.org",
                    "patient-count", "10000",
                    "password", BenchData.PASSWORD));
            for (Map.Entry<String, String> entry : own) {
                defaults.put(entry.getKey(), entry.getValue());
            }
            return defaults;
        }

        static Options parse(String[] args, Map<String, String> defaults) {
            Map<String, String> values = new HashMap<>(defaults);
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("expected --option, got " + arg + "; options: " + defaults.keySet());
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (defaults.containsKey(name) && "false".equals(defaults.get(name))) {
                    value = "true";
                } else {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (!defaults.containsKey(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + "; options: " + defaults.keySet());
                }
                values.put(name, value);
            }
            return new Options(values);
        }

        String get(String name) {
            return values.get(name);
        }

        int integer(String name) {
            return Integer.parseInt(values.get(name));
        }

        boolean bool(String name) {
            return Boolean.parseBoolean(values.get(name));
        }
    }
}
