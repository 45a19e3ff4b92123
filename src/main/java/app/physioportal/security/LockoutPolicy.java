package app.physioportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force protection without locking the real person out. Wrong passwords are counted per email and
 * address: the first four cost nothing, then each further attempt from that address must wait, 30 seconds
 * after the fifth failure, doubling with each failure, at most 15 minutes. Attempts refused while waiting
 * do not count, so the wait always ends, and the same email from another address (the person at home while
 * someone guesses from elsewhere) is not affected. One address guessing many emails meets the per-address
 * throttle (LoginThrottleFilter) instead. Applies to any email typed, existing or not, so the answer reveals
 * nothing about which accounts exist. Failures older than a day are forgotten.
 */
final class LockoutPolicy {

    static final int FREE_FAILURES = 4;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration MEMORY = Duration.ofDays(1);

    private LockoutPolicy() {
    }

    /** How far back the failures that matter can lie. */
    static Instant lookBackFrom(Instant now) {
        return now.minus(MEMORY);
    }

    /** The wait after {@code failures} consecutive failures from one address. */
    static Duration waitAfter(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 10);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * @param failures failure times of one email from one address since its last success there, oldest first
     * @return when the next attempt may be made, if that is after {@code now}
     */
    static Optional<Instant> waitUntil(List<Instant> failures, Instant now) {
        if (failures.size() <= FREE_FAILURES) {
            return Optional.empty();
        }
        Instant until = failures.getLast().plus(waitAfter(failures.size()));
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
