package app.physioportal.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.diary.CrampLocation;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.progress.ProgressReport.BaselineVsNow;
import app.physioportal.progress.ProgressReport.Week;
import app.physioportal.progress.ui.ProgressCharts;
import app.physioportal.security.SystemTasks;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PortalTest
class ProgressServiceTest {

    @Autowired
    ProgressFixtures fixtures;

    @Autowired
    ProgressService progress;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    FreshPatient patient;
    LocalDate week;

    @BeforeEach
    void freshPatient() {
        patient = fixtures.newPatient();
        week = fixtures.currentWeek();
    }

    private LocalDate weeksAgo(int n) {
        return week.minusWeeks(n);
    }

    @Test
    void weekly_series_counts_cramps_per_recorded_night_and_flags_thin_weeks_instead_of_zero() {
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(3), 7), 2, 6);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(2), 2), 3, 7);
        fixtures.record(patient, List.of(weeksAgo(1), weeksAgo(1).plusDays(1)), 1, 4);
        fixtures.record(patient, List.of(weeksAgo(1).plusDays(2), weeksAgo(1).plusDays(4)), 0, 0);

        ProgressReport report = fixtures.report(patient, ProgressRange.FOUR_WEEKS);

        assertThat(report.weeks()).extracting(Week::weekStart)
                .containsExactly(weeksAgo(3), weeksAgo(2), weeksAgo(1), week);
        Week full = report.weeks().get(0);
        assertThat(full.recordedNights()).isEqualTo(7);
        assertThat(full.cramps()).isEqualTo(14);
        assertThat(full.crampsPerNight()).isEqualTo(2.0);
        assertThat(full.crampsPerWeek()).isEqualTo(14.0);
        assertThat(full.meanIntensity()).isEqualTo(6.0);
        assertThat(full.insufficientData()).isFalse();

        Week thin = report.weeks().get(1);
        assertThat(thin.recordedNights()).isEqualTo(2);
        assertThat(thin.cramps()).isEqualTo(6);
        assertThat(thin.insufficientData()).isTrue();
        assertThat(thin.crampsPerNight()).as("too few nights is unknown, not zero").isNull();
        assertThat(thin.crampsPerWeek()).isNull();
        assertThat(thin.meanIntensity()).isNull();

        Week withCrampFree = report.weeks().get(2);
        assertThat(withCrampFree.recordedNights()).as("cramp-free check-ins are recorded nights").isEqualTo(4);
        assertThat(withCrampFree.crampsPerNight()).isEqualTo(0.5);
        assertThat(withCrampFree.crampsPerWeek()).isEqualTo(3.5);
        assertThat(withCrampFree.worstIntensity()).isEqualTo(4);

        assertThat(report.weeks().get(3).insufficientData()).isTrue();
        assertThat(report.locations()).containsEntry(CrampLocation.CALF, 22);
        assertThat(report.empty()).isFalse();
    }

    @Test
    void ranges_show_four_twelve_or_every_week_since_the_first_record() {
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(15), 3), 1, 5);

        assertThat(fixtures.report(patient, ProgressRange.FOUR_WEEKS).weeks()).hasSize(4);
        ProgressReport twelve = fixtures.report(patient, ProgressRange.TWELVE_WEEKS);
        assertThat(twelve.weeks()).hasSize(12);
        assertThat(twelve.empty()).as("nothing recorded in the last 12 weeks").isTrue();
        ProgressReport all = fixtures.report(patient, ProgressRange.ALL);
        assertThat(all.from()).isEqualTo(weeksAgo(15));
        assertThat(all.weeks()).hasSize(16);
        assertThat(all.weeks().getFirst().crampsPerNight()).isEqualTo(1.0);
    }

    @Test
    void a_new_patients_ranges_start_at_their_plan_or_first_night_and_all_never_shows_less() {
        fixtures.startPlan(patient, weeksAgo(2).plusDays(3));
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(1), 5), 1, 4);

        ProgressReport twelve = fixtures.report(patient, ProgressRange.TWELVE_WEEKS);
        assertThat(twelve.from()).as("the plan's week, not 12 weeks back").isEqualTo(weeksAgo(2));
        assertThat(twelve.weeks()).hasSize(3);
        assertThat(fixtures.report(patient, ProgressRange.FOUR_WEEKS).weeks()).hasSize(3);
        assertThat(fixtures.report(patient, ProgressRange.ALL).weeks()).hasSize(3);
    }

    @Test
    void all_shows_at_least_as_many_weeks_as_twelve_weeks_for_every_demo_patient() {
        for (String email : java.util.List.of(app.physioportal.Demo.PATIENT1, app.physioportal.Demo.PATIENT2,
                app.physioportal.Demo.PATIENT3, app.physioportal.Demo.PATIENT4, app.physioportal.Demo.PATIENT5,
                app.physioportal.Demo.PATIENT6)) {
            long id = ids.idOf(email);
            int[] weeks = new int[2];
            systemTasks.runAsAccount(email, () -> {
                weeks[0] = progress.report(id, ProgressRange.TWELVE_WEEKS).weeks().size();
                weeks[1] = progress.report(id, ProgressRange.ALL).weeks().size();
            });
            assertThat(weeks[1]).as(email + ": all vs 12 weeks").isGreaterThanOrEqualTo(weeks[0]);
        }
    }

    @Test
    void an_empty_diary_is_an_empty_report_without_baseline() {
        ProgressReport report = fixtures.report(patient, ProgressRange.ALL);
        assertThat(report.empty()).isTrue();
        assertThat(report.weeks()).as("only this week: nothing before the patient began").hasSize(1)
                .allMatch(Week::insufficientData);
        assertThat(report.baseline()).isNull();
        assertThat(report.stretching().ready()).isFalse();
    }

    @Test
    void baseline_vs_now_takes_the_first_two_and_last_two_weeks_with_enough_nights_skipping_gaps() {
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(7), 3), 3, 8);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(6), 1), 5, 9);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(5), 4), 2, 6);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(4), 3), 1, 5);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(2), 4), 0, 0);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(1), 1), 1, 3);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(1).plusDays(1), 2), 0, 0);

        BaselineVsNow figures = fixtures.report(patient, ProgressRange.FOUR_WEEKS).baseline();

        assertThat(figures.baseline().from()).isEqualTo(weeksAgo(7));
        assertThat(figures.baseline().to()).isEqualTo(weeksAgo(5).plusDays(6));
        assertThat(figures.baseline().recordedNights()).as("thin week 6 skipped").isEqualTo(7);
        assertThat(figures.baseline().cramps()).isEqualTo(17);
        assertThat(figures.baseline().crampsPerNight()).isCloseTo(17 / 7.0, within(1e-9));
        assertThat(figures.baseline().meanIntensity()).isCloseTo((9 * 8 + 8 * 6) / 17.0, within(1e-9));
        assertThat(figures.now().from()).isEqualTo(weeksAgo(2));
        assertThat(figures.now().recordedNights()).isEqualTo(7);
        assertThat(figures.now().cramps()).isEqualTo(1);
        assertThat(figures.now().meanIntensity()).isEqualTo(3.0);
        assertThat(figures.crampsPerNightChange()).isCloseTo(1 / 7.0 - 17 / 7.0, within(1e-9));
        assertThat(figures.crampsPerNightChangePercent()).isCloseTo(-100 * 16 / 17.0, within(1e-9));
        assertThat(figures.meanIntensityChange()).isCloseTo(3.0 - 120 / 17.0, within(1e-9));
    }

    @Test
    void baseline_vs_now_waits_for_four_weeks_with_enough_nights() {
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(3), 3), 2, 5);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(2), 3), 2, 5);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(1), 3), 1, 5);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(4), 2), 1, 5);

        ProgressReport report = fixtures.report(patient, ProgressRange.ALL);
        assertThat(report.baseline()).isNull();
        assertThat(report.recordedWeeksSoFar()).isEqualTo(3);
    }

    @Test
    void plan_versions_become_markers_in_the_week_they_started_and_adherence_starts_with_the_plan() {
        LocalDate v1 = weeksAgo(2).plusDays(2);
        LocalDate v2 = weeksAgo(1);
        fixtures.record(patient, ProgressFixtures.days(weeksAgo(3), 21), 1, 5);
        fixtures.startPlan(patient, v1);
        fixtures.nextVersion(patient, 1, v2);
        fixtures.stretchOn(patient, ProgressFixtures.days(v2, 7));

        ProgressReport report = fixtures.report(patient, ProgressRange.FOUR_WEEKS);

        assertThat(report.markers()).extracting(ProgressReport.PlanMarker::versionNumber).containsExactly(1, 2);
        assertThat(report.markers().get(0).weekStart()).isEqualTo(weeksAgo(2));
        assertThat(report.markers().get(0).effectiveFrom()).isEqualTo(v1);
        assertThat(report.markers().get(1).weekStart()).isEqualTo(weeksAgo(1));
        assertThat(report.weeks().get(0).adherencePercent()).as("no plan yet").isNull();
        assertThat(report.weeks().get(1).adherencePercent()).isZero();
        assertThat(report.weeks().get(2).adherencePercent()).isEqualTo(100);

        var overlay = ProgressCharts.weeklyOverlay(report);
        assertThat(overlay.markers()).hasSize(2);
        assertThat(overlay.markers().get(0).position()).as("Wednesday of the second week")
                .isCloseTo(1 - 0.5 + 2 / 7.0, within(1e-9));
        assertThat(overlay.markers().get(1).position()).isCloseTo(1.5, within(1e-9));

        assertThat(fixtures.report(patient, ProgressRange.ALL).from()).isEqualTo(weeksAgo(3));
    }

    @Test
    void stretching_comparison_needs_seven_recorded_nights_in_each_group() {
        LocalDate start = weeksAgo(4);
        fixtures.startPlan(patient, start);
        List<LocalDate> stretched = ProgressFixtures.days(start, 7);
        List<LocalDate> notStretched = ProgressFixtures.days(start.plusDays(7), 6);
        fixtures.stretchOn(patient, stretched);
        fixtures.stretchOn(patient, List.of(start.plusDays(20)));
        fixtures.record(patient, stretched, 1, 4);
        fixtures.record(patient, notStretched, 3, 6);

        var pending = fixtures.report(patient, ProgressRange.FOUR_WEEKS).stretching();
        assertThat(pending.ready()).isFalse();
        assertThat(pending.stretchedNights()).as("a stretched night without a diary record does not count")
                .isEqualTo(7);
        assertThat(pending.notStretchedNights()).isEqualTo(6);
        assertThat(pending.moreNotStretchedNightsNeeded()).isEqualTo(1);
        assertThat(pending.moreStretchedNightsNeeded()).isZero();

        fixtures.record(patient, List.of(start.plusDays(13)), 0, 0);
        var ready = fixtures.report(patient, ProgressRange.FOUR_WEEKS).stretching();
        assertThat(ready.ready()).isTrue();
        assertThat(ready.crampsPerStretchedNight()).isEqualTo(1.0);
        assertThat(ready.crampsPerNotStretchedNight()).isCloseTo(18 / 7.0, within(1e-9));
    }

    @Test
    void demo_patient1_improved_after_the_plan_started_and_the_timings_are_printed() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        ProgressReport[] report = new ProgressReport[1];
        for (String who : List.of(Demo.PATIENT1, Demo.PHYSIO1)) {
            for (ProgressRange range : ProgressRange.values()) {
                systemTasks.runAsAccount(who, () -> {
                    long started = System.nanoTime();
                    report[0] = progress.report(patient1, range);
                    System.out.printf("progress timing: %s as %s took %.1f ms%n", range, who,
                            (System.nanoTime() - started) / 1e6);
                });
            }
        }
        ProgressReport all = report[0];
        assertThat(all.markers()).isNotEmpty();
        BaselineVsNow figures = all.baseline();
        assertThat(figures.baseline().crampsPerNight()).isGreaterThan(2.0);
        assertThat(figures.now().crampsPerNight()).isLessThan(1.2);
        assertThat(figures.crampsPerNightChangePercent()).isLessThan(-50);
        assertThat(figures.meanIntensityChange()).isNegative();
        LocalDate planStart = all.markers().getFirst().weekStart();
        double before = all.weeks().stream().filter(w -> w.weekStart().isBefore(planStart) && w.crampsPerNight() != null)
                .mapToDouble(Week::crampsPerNight).average().orElseThrow();
        double lastFull = all.weeks().stream().filter(w -> w.crampsPerNight() != null).reduce((a, b) -> b)
                .orElseThrow().crampsPerNight();
        assertThat(lastFull).isLessThan(before);
        assertThat(all.stretching().stretchedNights()).as("good adherence").isGreaterThan(all.stretching().notStretchedNights());
    }
}
