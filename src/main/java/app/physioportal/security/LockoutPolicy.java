package app.physioportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brute-force protection: 5 failed sign-ins within 15 minutes lock the email for 15 minutes from the
 * fifth failure. A successful sign-in clears earlier failures. Attempts refused while locked do not
 * count as failures, so the lock always ends. Applies to any email typed, existing or not, so the
 * lock message reveals nothing about which accounts exist.
 */
final class LockoutPolicy {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private LockoutPolicy() {
    }

    /** How far back the failures that matter can lie. */
    static Instant lookBackFrom(Instant now) {
        return now.minus(WINDOW).minus(LOCK);
    }

    /**
     * @param failuresSinceLastSuccess failure times after the last successful sign-in, oldest first
     * @return the end of the lock, when the email is locked at {@code now}
     */
    static Optional<Instant> lockedUntil(List<Instant> failuresSinceLastSuccess, Instant now) {
        Instant until = null;
        for (int i = MAX_FAILURES - 1; i < failuresSinceLastSuccess.size(); i++) {
            Instant fifth = failuresSinceLastSuccess.get(i);
            Instant first = failuresSinceLastSuccess.get(i - (MAX_FAILURES - 1));
            if (!Duration.between(first, fifth).minus(WINDOW).isPositive()) {
                Instant end = fifth.plus(LOCK);
                if (until == null || end.isAfter(until)) {
                    until = end;
                }
            }
        }
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
