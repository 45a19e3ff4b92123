package app.physioportal.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writer side of {@code bash bench/run faults} (issue 20). Virtual patients log cramps through the quick log as
 * a browser would (Vaadin's protocol, {@link VaadinClient}), each cramp with a note holding a marker of its own. When
 * a save is not confirmed (the diary does not open: an error shown, no answer, a server gone), the person waits a
 * second and presses Save again on the same form, as people do, for up to {@code --retry-seconds}; a form whose page
 * is gone (the server restarted, the session ended) is given up, and they sign in again and log the next cramp.
 * <p>
 * Once every writer has had two saves confirmed (the file {@code <fault-file>.ready} appears), bench/run injects a
 * fault and writes its start time (epoch ms) into {@code --fault-file}; writing goes on {@code --seconds} more. At the
 * end this reads the database and prints one line: writes confirmed to a person, confirmed writes found, confirmed
 * writes lost, markers found more than once, errors shown to people, and recovery seconds (from the fault until every
 * writer had a save confirmed again).
 */
public final class FaultBench {

    private final URI base;
    private final String[] emails;
    private final String password;
    private final String run;
    private final Path faultFile;
    private final Path readyFile;
    private final int afterFaultSeconds;
    private final long giveUpAt;
    private final int writers;
    private final int retrySeconds;
    private final int recoverySeconds;
    private final HttpClient http = VaadinClient.newHttpClient();
    /** Marker of each confirmed write, with the moment it was confirmed. */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
    /** Per writer: the moments its saves were confirmed. */
    private final Map<Integer, List<Long>> confirmations = new ConcurrentHashMap<>();
    private final AtomicInteger errorsShown = new AtomicInteger();
    private final AtomicInteger unconfirmedGivenUp = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    /** What people saw when a save was not confirmed, by kind, for the log. */
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    private FaultBench(Map<String, String> options) {
        base = URI.create(options.get("base-url") + "/");
        emails = options.get("patients").split(",");
        password = options.get("password");
        run = options.get("run");
        faultFile = Path.of(options.get("fault-file"));
        readyFile = Path.of(options.get("fault-file") + ".ready");
        afterFaultSeconds = Integer.parseInt(options.getOrDefault("seconds", "40"));
        giveUpAt = System.currentTimeMillis() + 1000L * Integer.parseInt(options.getOrDefault("max-seconds", "400"));
        writers = Integer.parseInt(options.getOrDefault("writers", "12"));
        retrySeconds = Integer.parseInt(options.getOrDefault("retry-seconds", "60"));
        recoverySeconds = Integer.parseInt(options.getOrDefault("recovery-seconds", "240"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        FaultBench bench = new FaultBench(options);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bench.writers; i++) {
            int writer = i;
            threads.add(Thread.ofVirtual().name("writer-" + i).start(() -> bench.write(writer)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        bench.report(options.get("fault"), bench.faultFile, options.get("jdbc-url"),
                options.get("jdbc-user"), options.getOrDefault("jdbc-password", ""));
    }

    private void write(int writer) {
        String email = emails[writer % emails.length].strip();
        int sequence = 0;
        pause(ThreadLocalRandom.current().nextLong(0, 2000));
        while (running()) {
            VaadinClient client = new VaadinClient(http, base);
            try {
                client.signIn(email, password);
                client.expect("today-view");
            } catch (RuntimeException serverAway) {
                saw("sign-in: " + serverAway.getMessage());
                pause(1000);
                continue;
            }
            while (running()) {
                String marker = "fault-" + run + "-w" + writer + "-" + (++sequence);
                try {
                    client.click("log-cramp-nav");
                    client.expect("quick-log-view");
                    client.click("intensity-" + ThreadLocalRandom.current().nextInt(1, 11));
                    client.click("location-CALF");
                    client.setValue(client.require("note"), marker);
                } catch (RuntimeException lost) {
                    // The page is gone before Save was pressed: nothing was sent, sign in again.
                    break;
                }
                Optional<Long> at = save(client, marker);
                if (at.isEmpty()) {
                    unconfirmedGivenUp.incrementAndGet();
                    break;
                }
                confirmed.put(marker, at.get());
                confirmations.computeIfAbsent(writer, w -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(at.get());
                signalReady();
                pause(ThreadLocalRandom.current().nextLong(200, 800));
            }
        }
    }

    private volatile long endAt = Long.MAX_VALUE;

    /**
     * Writing goes on until {@code --seconds} after the fault (bench/run writes the fault's moment into the fault
     * file once every writer has had {@value #READY_SAVES} saves confirmed, which this signals with the ready file),
     * or until {@code --max-seconds} in all.
     */
    private boolean running() {
        long now = System.currentTimeMillis();
        if (endAt == Long.MAX_VALUE && Files.exists(faultFile)) {
            endAt = now + 1000L * afterFaultSeconds;
            faultSeenAt = now;
        }
        // After the fault: at least --seconds, and on until every writer has had a save confirmed again (a restart on
        // a busy machine can take longer than that), but no more than --recovery-seconds.
        boolean recovering = faultSeenAt > 0 && now < faultSeenAt + 1000L * recoverySeconds && !allWroteSince(faultSeenAt);
        return (now < endAt || recovering) && now < giveUpAt;
    }

    private volatile long faultSeenAt;

    private boolean allWroteSince(long moment) {
        return confirmations.size() == writers
                && confirmations.values().stream().allMatch(times -> times.stream().anyMatch(t -> t > moment));
    }

    private static final int READY_SAVES = 2;

    private void signalReady() {
        if (confirmations.size() == writers && confirmations.values().stream().allMatch(t -> t.size() >= READY_SAVES)
                && !Files.exists(readyFile)) {
            try {
                Files.writeString(readyFile, "ready");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Presses Save until the diary opens (confirmed) or the form is gone or the time is up. */
    private Optional<Long> save(VaadinClient client, String marker) {
        long stopPressingAt = System.currentTimeMillis() + 1000L * retrySeconds;
        while (true) {
            attempts.incrementAndGet();
            try {
                client.click("save-cramp");
                if (client.findById("diary-view").isPresent()) {
                    return Optional.of(System.currentTimeMillis());
                }
                // Still on the form: the portal said what went wrong (e.g. the records are not reachable).
                errorsShown.incrementAndGet();
                saw("still on " + client.describePage() + notice(client));
            } catch (VaadinClient.ProtocolException failed) {
                errorsShown.incrementAndGet();
                saw(String.valueOf(failed.getMessage()));
                if (formGone(String.valueOf(failed.getMessage()))) {
                    return Optional.empty();
                }
            } catch (RuntimeException failed) {
                errorsShown.incrementAndGet();
                saw(failed.getClass().getSimpleName() + ": " + failed.getMessage());
            }
            if (System.currentTimeMillis() > stopPressingAt || !client.hasUi() || client.findById("save-cramp").isEmpty()) {
                return Optional.empty();
            }
            pause(1000);
        }
    }

    private void saw(String what) {
        String kind = what.replaceAll("\\d+", "N");
        seen.computeIfAbsent(kind.length() > 160 ? kind.substring(0, 160) : kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The text of a notification or an error message on the page, if any. */
    private static String notice(VaadinClient client) {
        return client.findAll(n -> n.id() != null && (n.id().endsWith("-notice") || n.id().endsWith("-error")))
                .stream().map(n -> " #" + n.id() + " " + client.text(n)).findFirst().orElse("");
    }

    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("answered HTTP (\\d+)");

    /**
     * The server no longer knows this page (a restarted instance, another instance, an ended session): it answers
     * with a sign-in redirect, a refusal or "session expired". An answer of 5xx or no answer is worth another press.
     */
    static boolean formGone(String message) {
        java.util.regex.Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return Integer.parseInt(status.group(1)) < 500;
        }
        return message.contains("session expired") || message.contains("resynchronize") || message.contains("no UI")
                || message.contains("out of sync") || message.contains("resynchronisation")
                || message.contains("page reload");
    }

    private void report(String fault, Path faultFile, String jdbcUrl, String user, String password) throws Exception {
        long faultAt = Files.exists(faultFile) ? Long.parseLong(Files.readString(faultFile).strip()) : -1;
        Map<String, Integer> found = new HashMap<>();
        if (jdbcUrl != null) try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement query = db.prepareStatement(
                        "select note, count(*) from cramp_entry where note like ? group by note")) {
            query.setString(1, "fault-" + run + "-%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Set<String> markers = confirmed.keySet();
        long foundConfirmed = markers.stream().filter(found::containsKey).count();
        long duplicated = found.values().stream().filter(count -> count > 1).count();
        // Recovery: from the fault until every writer that wrote before it had a save confirmed again.
        double recovery = -1;
        if (faultAt > 0) {
            long latest = 0;
            boolean all = true;
            for (List<Long> times : confirmations.values()) {
                if (times.stream().noneMatch(t -> t < faultAt)) {
                    continue;
                }
                Optional<Long> again = times.stream().filter(t -> t > faultAt).min(Long::compare);
                if (again.isEmpty()) {
                    all = false;
                } else {
                    latest = Math.max(latest, again.get());
                }
            }
            recovery = all && latest > 0 ? (latest - faultAt) / 1000.0 : Double.NaN;
        }
        System.out.printf(Locale.ROOT, "FAULT %-16s confirmed %5d  found %5d  lost %3d  duplicated %3d  errors shown %4d"
                + "  unconfirmed (given up) %3d  in the database, unconfirmed %3d  recovery %s s%n", fault, markers.size(),
                foundConfirmed, markers.size() - foundConfirmed, duplicated, errorsShown.get(), unconfirmedGivenUp.get(),
                found.keySet().stream().filter(m -> !markers.contains(m)).count(),
                Double.isNaN(recovery) ? "not recovered" : String.format(Locale.ROOT, "%.1f", recovery));
        seen.entrySet().stream().sorted((a, b) -> b.getValue().get() - a.getValue().get()).limit(8)
                .forEach(e -> System.out.println("  seen x" + e.getValue() + ": " + e.getKey()));
        if (markers.size() - foundConfirmed > 0) {
            markers.stream().filter(m -> !found.containsKey(m)).limit(10).forEach(m -> System.out.println("  lost: " + m));
        }
        found.entrySet().stream().filter(e -> e.getValue() > 1).limit(10)
                .forEach(e -> System.out.println("  duplicated: " + e.getKey() + " x" + e.getValue()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
