package app.physioportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} requests per key (a client address) within a sliding window, counted in memory: each instance
 * throttles what it receives. Refused requests are not counted beyond the first, so the wait always ends.
 */
final class SlidingWindow {

    enum Verdict {
        ALLOWED,
        /** The first refusal since the key reached its limit: the one worth auditing. */
        FIRST_REFUSAL,
        REFUSED
    }

    private static final int MAX_TRACKED_KEYS = 10_000;

    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();
    private final Duration window;
    private final int max;

    SlidingWindow(Duration window, int max) {
        this.window = window;
        this.max = max;
    }

    Duration window() {
        return window;
    }

    int max() {
        return max;
    }

    Verdict add(String key, Instant now) {
        if (requests.size() > MAX_TRACKED_KEYS) {
            requests.entrySet().removeIf(e -> isStale(e.getValue(), now));
        }
        Deque<Instant> times = requests.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                if (times.size() == max) {
                    times.addLast(now);
                    return Verdict.FIRST_REFUSAL;
                }
                return Verdict.REFUSED;
            }
            times.addLast(now);
            return Verdict.ALLOWED;
        }
    }

    private boolean isStale(Deque<Instant> times, Instant now) {
        synchronized (times) {
            return times.isEmpty() || !times.peekLast().isAfter(now.minus(window));
        }
    }
}
