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
    void four_failures_cost_nothing() {
        var failures = failuresEvery(Duration.ofSeconds(1), 4);
        assertThat(LockoutPolicy.waitUntil(failures, failures.getLast())).isEmpty();
    }

    @Test
    void from_the_fifth_failure_the_wait_doubles_from_30_seconds_up_to_15_minutes() {
        assertThat(LockoutPolicy.waitAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LockoutPolicy.waitAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(LockoutPolicy.waitAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(LockoutPolicy.waitAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(LockoutPolicy.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LockoutPolicy.waitAfter(500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void the_wait_runs_from_the_last_failure_and_then_ends() {
        var failures = failuresEvery(Duration.ofSeconds(1), 6);
        Instant last = failures.getLast();
        assertThat(LockoutPolicy.waitUntil(failures, last)).contains(last.plus(Duration.ofMinutes(1)));
        assertThat(LockoutPolicy.waitUntil(failures, last.plusSeconds(59))).isPresent();
        assertThat(LockoutPolicy.waitUntil(failures, last.plusSeconds(60))).isEmpty();
    }
}
