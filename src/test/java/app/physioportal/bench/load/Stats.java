package app.physioportal.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Response times and errors per user action, for one stage of the load test. Thread-safe. */
final class Stats {

    static final String ALL = "all actions";
    /** All actions but signing in, which hashes a password on purpose and takes eight requests. */
    static final String IN_APP = "in-app actions";
    static final String SIGN_IN = "sign in";

    static final class Action {
        private long[] millis = new long[256];
        private int count;
        private final AtomicLong errors = new AtomicLong();
        private final Map<String, AtomicLong> errorSamples = new ConcurrentHashMap<>();

        synchronized void record(long elapsedMillis) {
            if (count == millis.length) {
                millis = Arrays.copyOf(millis, count * 2);
            }
            millis[count++] = elapsedMillis;
        }

        void error(String message) {
            errors.incrementAndGet();
            String key = message == null ? "(no message)" : message.replaceAll("\\d+", "#");
            if (errorSamples.size() < 20 || errorSamples.containsKey(key)) {
                errorSamples.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            }
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(millis, count);
            Arrays.sort(copy);
            return copy;
        }

        long errors() {
            return errors.get();
        }
    }

    /** One line of the summary: count, percentiles in ms, errors. */
    record Summary(String action, int count, long p50, long p95, long p99, long max, long errors) {
        String format() {
            return String.format(Locale.ROOT, "  %-18s %7d %7d %7d %7d %7d %7d", action, count, p50, p95, p99, max, errors);
        }
    }

    private final Map<String, Action> actions = new ConcurrentSkipListMap<>();

    Action action(String name) {
        return actions.computeIfAbsent(name, n -> new Action());
    }

    void record(String name, long elapsedMillis) {
        action(name).record(elapsedMillis);
    }

    void error(String name, String message) {
        action(name).error(message);
    }

    List<Summary> summaries() {
        List<Summary> lines = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        long allErrors = 0;
        for (var entry : actions.entrySet()) {
            long[] sorted = entry.getValue().sorted();
            all.add(sorted);
            allErrors += entry.getValue().errors();
            lines.add(summary(entry.getKey(), sorted, entry.getValue().errors()));
        }
        long[] inApp = actions.entrySet().stream().filter(e -> !e.getKey().equals(SIGN_IN))
                .flatMapToLong(e -> Arrays.stream(e.getValue().sorted())).sorted().toArray();
        long inAppErrors = actions.entrySet().stream().filter(e -> !e.getKey().equals(SIGN_IN))
                .mapToLong(e -> e.getValue().errors()).sum();
        lines.add(summary(IN_APP, inApp, inAppErrors));
        long[] pooled = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        lines.add(summary(ALL, pooled, allErrors));
        return lines;
    }

    Map<String, Long> errorSamples() {
        Map<String, Long> samples = new ConcurrentSkipListMap<>();
        actions.forEach((name, action) -> action.errorSamples.forEach((message, n) -> samples.put(name + ": " + message, n.get())));
        return samples;
    }

    static String header() {
        return String.format(Locale.ROOT, "  %-18s %7s %7s %7s %7s %7s %7s", "action", "count", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors");
    }

    private static Summary summary(String name, long[] sorted, long errors) {
        return new Summary(name, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1], errors);
    }

    /** Nearest-rank percentile; 0 for no samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
