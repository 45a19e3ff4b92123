package app.physioportal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.exercise.Category;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.AdherenceCalculator.Done;
import app.physioportal.plan.AdherenceCalculator.ItemSpec;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdherenceCalculatorTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    static final long CALF = 1;
    static final long RAISES = 5;

    private static List<VersionSpan> plan(ItemSpec... items) {
        return List.of(new VersionSpan(10, 1, MONDAY.minusWeeks(1), List.of(items)));
    }

    @Test
    void three_days_a_week_done_four_times_counts_as_one_hundred_percent_not_more() {
        Set<Done> done = new HashSet<>();
        for (int day : new int[] {0, 2, 4, 6}) {
            done.add(new Done(RAISES, MONDAY.plusDays(day)));
        }
        var week = AdherenceCalculator.week(plan(new ItemSpec(RAISES, 3, Timing.MORNING, Category.STRENGTH)), done,
                MONDAY, MONDAY.plusDays(6));
        assertThat(week.prescribed()).isEqualTo(3.0);
        assertThat(week.percent()).isEqualTo(100);
    }

    @Test
    void three_days_a_week_done_twice_is_two_thirds() {
        Set<Done> done = Set.of(new Done(RAISES, MONDAY), new Done(RAISES, MONDAY.plusDays(3)));
        var week = AdherenceCalculator.week(plan(new ItemSpec(RAISES, 3, Timing.MORNING, Category.STRENGTH)), done,
                MONDAY, MONDAY.plusDays(6));
        assertThat(week.percent()).isEqualTo(67);
    }

    @Test
    void the_week_in_progress_counts_only_the_days_so_far() {
        Set<Done> done = Set.of(new Done(CALF, MONDAY), new Done(CALF, MONDAY.plusDays(1)));
        var week = AdherenceCalculator.week(plan(new ItemSpec(CALF, 7, Timing.BEFORE_BED, Category.STRETCH)), done,
                MONDAY, MONDAY.plusDays(2));
        assertThat(week.prescribed()).isEqualTo(3.0);
        assertThat(week.done()).isEqualTo(2.0);
    }

    @Test
    void the_newest_version_started_by_a_day_is_the_one_in_force() {
        var versions = List.of(new VersionSpan(1, 1, MONDAY, List.of()), new VersionSpan(2, 2, MONDAY.plusDays(3),
                List.of()), new VersionSpan(3, 3, MONDAY.plusDays(3), List.of()));
        assertThat(AdherenceCalculator.activeOn(versions, MONDAY.minusDays(1))).isEmpty();
        assertThat(AdherenceCalculator.activeOn(versions, MONDAY.plusDays(2)).orElseThrow().number()).isEqualTo(1);
        assertThat(AdherenceCalculator.activeOn(versions, MONDAY.plusDays(3)).orElseThrow().number()).isEqualTo(3);
    }
}
