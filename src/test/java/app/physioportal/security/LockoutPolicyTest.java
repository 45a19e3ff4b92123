package app.physioportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private static List<Instant> failuresEvery(Duration gap, int count) {
        return IntStream.range(0, count).mapToObj(i -> T0.plus(gap.multipliedBy(i))).toList();
    }

    @Test
    void four_failures_do_not_lock() {
        assertThat(LockoutPolicy.lockedUntil(failuresEvery(Duration.ofSeconds(10), 4), T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void the_fifth_failure_within_15_minutes_locks_for_15_minutes_from_then() {
        var failures = failuresEvery(Duration.ofMinutes(3), 5);
        Instant fifth = failures.get(4);

        assertThat(LockoutPolicy.lockedUntil(failures, fifth)).contains(fifth.plus(Duration.ofMinutes(15)));
        assertThat(LockoutPolicy.lockedUntil(failures, fifth.plus(Duration.ofMinutes(14)))).isPresent();
        assertThat(LockoutPolicy.lockedUntil(failures, fifth.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void five_failures_spread_over_more_than_15_minutes_do_not_lock() {
        var failures = failuresEvery(Duration.ofMinutes(4), 5);
        assertThat(LockoutPolicy.lockedUntil(failures, failures.get(4))).isEmpty();
    }

    @Test
    void any_five_consecutive_failures_within_the_window_lock() {
        var failures = List.of(T0, T0.plus(Duration.ofMinutes(20)), T0.plus(Duration.ofMinutes(21)),
                T0.plus(Duration.ofMinutes(22)), T0.plus(Duration.ofMinutes(23)), T0.plus(Duration.ofMinutes(24)));
        assertThat(LockoutPolicy.lockedUntil(failures, T0.plus(Duration.ofMinutes(25))))
                .contains(T0.plus(Duration.ofMinutes(39)));
    }
}
