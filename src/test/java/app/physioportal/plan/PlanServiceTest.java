package app.physioportal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@PortalTest
class PlanServiceTest {

    @Autowired
    PlanService plans;

    @Autowired
    AdherenceService adherence;

    @Autowired
    ExerciseService exercises;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    FreshPatient patient;
    long calf;
    long hamstring;
    long raises;

    @BeforeEach
    void freshPatient() {
        patient = fixtures.newPatient();
        fixtures.as(PlanFixtures.PHYSIO, () -> {
            calf = exercises.byCode("wall-calf-stretch").id();
            hamstring = exercises.byCode("seated-hamstring-stretch").id();
            raises = exercises.byCode("double-leg-calf-raise").id();
        });
    }

    private int startPlan(LocalDate from) {
        return fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionEffectiveFrom(patient.id(), null,
                plans.trialTemplate(), "Start of the bedtime stretching programme", from));
    }

    private static ItemDraft withHold(ItemDraft item, int hold) {
        return new ItemDraft(item.exerciseId(), item.sets(), item.reps(), hold, item.restSeconds(),
                item.timesPerDay(), item.daysPerWeek(), item.timing(), item.sides(), item.progressionNote());
    }

    private ItemDraft raisesThreeDaysAWeek() {
        return new ItemDraft(raises, 3, 10, 0, 60, 1, 3, Timing.MORNING, null, null);
    }

    private int adherenceRows(LocalDate day) {
        return jdbc.queryForObject("select count(*) from adherence_record where patient_id = ? and done_day = ?",
                Integer.class, patient.id(), day);
    }

    @Test
    void a_new_version_keeps_the_previous_one_readable_with_what_changed() {
        LocalDate today = plans.currentDay();
        startPlan(today.minusDays(20));
        fixtures.as(PlanFixtures.PHYSIO, () -> {
            List<ItemDraft> v2 = plans.currentPlan(patient.id()).orElseThrow().drafts().stream()
                    .map(i -> i.exerciseId() == calf ? withHold(i, 20) : i).toList();
            assertThat(plans.createVersion(patient.id(), 1, v2, "Tolerating well: hold longer")).isEqualTo(2);
        });

        List<PlanVersionView> history = fixtures.as(patient.email(), () -> plans.history(patient.id()));

        assertThat(history).extracting(PlanVersionView::number).containsExactly(2, 1);
        assertThat(history.get(1).items().getFirst().dose().holdSeconds()).isEqualTo(10);
        assertThat(history.get(1).effectiveFrom()).isEqualTo(today.minusDays(20));
        assertThat(history.get(0).items().getFirst().dose().holdSeconds()).isEqualTo(20);
        assertThat(history.get(0).reason()).isEqualTo("Tolerating well: hold longer");
        assertThat(history.get(0).authorName()).isEqualTo("Fixture Physio");
        assertThat(history.get(0).effectiveFrom()).isEqualTo(today);
        assertThat(history.get(0).changes()).containsExactly("Wall calf stretch: hold 10 s → 20 s");
    }

    @Test
    void a_change_without_a_reason_is_refused_and_nothing_is_saved() {
        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO,
                () -> plans.createVersion(patient.id(), null, plans.trialTemplate(), "   ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");

        assertThat(fixtures.as(PlanFixtures.PHYSIO, () -> plans.history(patient.id()))).isEmpty();
    }

    @Test
    void a_dose_out_of_bounds_is_refused_and_nothing_is_saved() {
        startPlan(plans.currentDay().minusDays(3));
        ItemDraft tooMany = new ItemDraft(calf, 11, 1, 10, 10, 1, 7, Timing.BEFORE_BED, null, null);

        assertThatThrownBy(() -> fixtures.as(PlanFixtures.PHYSIO,
                () -> plans.createVersion(patient.id(), 1, List.of(tooMany), "More sets")))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("Sets: 1 to 10");

        assertThat(fixtures.as(PlanFixtures.PHYSIO, () -> plans.history(patient.id()))).hasSize(1);
    }

    @Test
    void the_second_of_two_physios_editing_the_same_version_is_told_the_plan_changed() {
        startPlan(plans.currentDay().minusDays(3));
        fixtures.as(PlanFixtures.PHYSIO, () -> {
            List<ItemDraft> both = new ArrayList<>(plans.trialTemplate());
            both.add(raisesThreeDaysAWeek());
            plans.createVersion(patient.id(), 1, both, "add strength");

            assertThatThrownBy(() -> plans.createVersion(patient.id(), 1, List.of(plans.trialTemplate().getFirst()),
                    "calf only")).isInstanceOf(PlanChangedException.class);

            assertThat(plans.history(patient.id())).hasSize(2);
            assertThat(plans.currentPlan(patient.id()).orElseThrow().items()).hasSize(3);
        });
    }

    @Test
    void two_physios_saving_at_the_same_moment_do_not_lose_a_change_silently() throws Exception {
        startPlan(plans.currentDay().minusDays(3));
        List<ItemDraft> withRaises = new ArrayList<>(fixtures.as(PlanFixtures.PHYSIO, () -> plans.trialTemplate()));
        withRaises.add(raisesThreeDaysAWeek());
        List<ItemDraft> calfOnly = List.of(withRaises.getFirst());
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> fixtures.as(PlanFixtures.PHYSIO,
                    () -> transaction.executeWithoutResult(status -> {
                        plans.createVersion(patient.id(), 1, withRaises, "add strength");
                        firstWrote.countDown();
                        awaitQuietly(letFirstCommit);
                    })));
            assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> fixtures.as(PlanFixtures.PHYSIO,
                    () -> plans.createVersion(patient.id(), 1, calfOnly, "calf only")));
            letFirstCommit.countDown();
            first.get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PlanChangedException.class);
        } finally {
            pool.shutdownNow();
        }
        var current = fixtures.as(PlanFixtures.PHYSIO, () -> plans.currentPlan(patient.id())).orElseThrow();
        assertThat(current.number()).isEqualTo(2);
        assertThat(current.items()).hasSize(3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void weekly_adherence_counts_days_per_week_and_a_version_change_mid_week() {
        LocalDate monday = AdherenceCalculator.weekStart(plans.currentDay()).minusWeeks(3);
        startPlan(monday.minusWeeks(1));
        fixtures.as(PlanFixtures.PHYSIO, () -> {
            List<ItemDraft> v2 = new ArrayList<>(List.of(plans.trialTemplate().getFirst()));
            v2.add(raisesThreeDaysAWeek());
            plans.createVersionEffectiveFrom(patient.id(), 1, v2, "add strength", monday.plusDays(3));
        });
        // v1 (calf + hamstring nightly) Monday to Wednesday; v2 (calf nightly, raises 3 days a week) from Thursday.
        List<Tick> ticks = new ArrayList<>();
        for (int day : new int[] {0, 1}) {
            ticks.add(new Tick(calf, monday.plusDays(day), null));
        }
        ticks.add(new Tick(hamstring, monday, null));
        for (int day = 3; day <= 6; day++) {
            ticks.add(new Tick(calf, monday.plusDays(day), null));
        }
        ticks.add(new Tick(raises, monday.plusDays(4), 5));
        ticks.add(new Tick(raises, monday.plusDays(5), 4));
        fixtures.as(patient.email(), () -> adherence.recordPastDays(patient.id(), ticks));

        List<WeekAdherence> weeks = fixtures.as(patient.email(),
                () -> adherence.weeklyAdherence(patient.id(), monday.minusWeeks(2), monday.plusDays(6)));

        assertThat(weeks).extracting(WeekAdherence::weekStart)
                .containsExactly(monday.minusWeeks(2), monday.minusWeeks(1), monday);
        assertThat(weeks.get(0).percent()).as("before the plan: nothing prescribed").isNull();
        assertThat(weeks.get(1).prescribed()).isEqualTo(14.0);
        assertThat(weeks.get(1).percent()).as("a week with no ticks is not done, not missing").isZero();
        // calf 2 of 3 + hamstring 1 of 3 under v1; calf 4 of 4 and raises 2 of 3*4/7 (capped) under v2
        double prescribed = 3 + 3 + 4 + 3 * 4 / 7.0;
        double done = 2 + 1 + 4 + 3 * 4 / 7.0;
        assertThat(weeks.get(2).prescribed()).isCloseTo(prescribed, within(1e-9));
        assertThat(weeks.get(2).done()).isCloseTo(done, within(1e-9));
        assertThat(weeks.get(2).percent()).isEqualTo((int) Math.round(100 * done / prescribed));
    }

    @Test
    void bedtime_stretch_nights_say_whether_every_stretch_was_done() {
        LocalDate start = plans.currentDay().minusDays(5);
        startPlan(start);
        fixtures.as(patient.email(), () -> adherence.recordPastDays(patient.id(), List.of(
                new Tick(calf, start, null), new Tick(hamstring, start, null), new Tick(calf, start.plusDays(1), null))));

        var nights = fixtures.as(patient.email(),
                () -> adherence.bedtimeStretchNights(patient.id(), start.minusDays(2), start.plusDays(2)));

        assertThat(nights).hasSize(3);
        assertThat(nights.get(0).night()).isEqualTo(start);
        assertThat(nights.get(0).allDone()).isTrue();
        assertThat(nights.get(1).allDone()).isFalse();
        assertThat(nights.get(1).done()).isEqualTo(1);
        assertThat(nights.get(2).done()).isZero();
    }

    @Test
    void a_double_tap_records_one_tick_and_undo_removes_it() {
        startPlan(plans.currentDay().minusDays(2));
        LocalDate today = plans.currentDay();
        fixtures.as(patient.email(), () -> {
            adherence.markDone(patient.id(), calf, null);
            adherence.markDone(patient.id(), calf, null);
            assertThat(adherenceRows(today)).isEqualTo(1);
            var tonight = adherence.today(patient.id()).orElseThrow().tonight();
            assertThat(tonight).filteredOn(i -> i.item().exercise().id() == calf).singleElement()
                    .satisfies(i -> assertThat(i.done()).isTrue());

            adherence.setEffort(patient.id(), calf, 4);
            assertThat(adherence.today(patient.id()).orElseThrow().tonight().getFirst().effort()).isEqualTo(4);

            adherence.undo(patient.id(), calf);
            assertThat(adherenceRows(today)).isZero();
            assertThat(adherence.today(patient.id()).orElseThrow().tonight()).noneMatch(TodayItem::done);
        });
    }

    @Test
    void the_database_itself_refuses_a_second_tick_for_the_same_item_and_day() {
        startPlan(plans.currentDay().minusDays(2));
        fixtures.as(patient.email(), () -> adherence.markDone(patient.id(), calf, null));
        long version = jdbc.queryForObject("select plan_version_id from adherence_record where patient_id = ?",
                Long.class, patient.id());
        LocalDate today = plans.currentDay();

        assertThatThrownBy(() -> jdbc.update("insert into adherence_record (patient_id, exercise_id, done_day, "
                + "week_start, plan_version_id, done_at) values (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", patient.id(), calf,
                today, AdherenceCalculator.weekStart(today), version))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    }

    @Test
    void an_exercise_not_in_todays_plan_cannot_be_ticked() {
        startPlan(plans.currentDay().minusDays(2));
        assertThatThrownBy(() -> fixtures.as(patient.email(), () -> adherence.markDone(patient.id(), raises, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fixtures.as(patient.email(), () -> adherence.markDone(patient.id(), calf, 11)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_dose_reads_in_plain_words() {
        startPlan(plans.currentDay());
        var item = fixtures.as(patient.email(), () -> plans.currentPlan(patient.id())).orElseThrow().items().getFirst();
        assertThat(item.amountInWords()).isEqualTo("3 x 10 s hold, 10 s rest, both legs");
        assertThat(item.frequencyInWords()).isEqualTo("Every night before bed");
    }

    @Test
    void demo_patient2_has_version_two_adding_calf_raises() {
        long patient2 = idOf(Demo.PATIENT2);
        var history = fixtures.as(Demo.PATIENT2, () -> plans.history(patient2));
        assertThat(history).extracting(PlanVersionView::number).containsExactly(2, 1);
        assertThat(history.getFirst().reason()).isEqualTo("progressing: stretches easy, add strength");
        assertThat(history.getFirst().changes()).anyMatch(c -> c.startsWith("Added Double-leg calf raises"));
    }

    @Test
    void demo_adherence_follows_the_stories_a_non_adherent_patient_scores_far_below_a_good_one() {
        LocalDate today = plans.currentDay();
        long good = idOf(Demo.PATIENT1);
        long poor = idOf(Demo.PATIENT3);
        double goodMean = fixtures.as(Demo.PATIENT1, () -> adherence.weeklyAdherence(good, today.minusWeeks(6),
                today.minusWeeks(1))).stream().mapToInt(WeekAdherence::percent).average().orElseThrow();
        double poorMean = fixtures.as(Demo.PATIENT3, () -> adherence.weeklyAdherence(poor, today.minusWeeks(6),
                today.minusWeeks(1))).stream().mapToInt(WeekAdherence::percent).average().orElseThrow();
        assertThat(goodMean).isGreaterThan(75);
        assertThat(poorMean).isBetween(15.0, 50.0);
    }

    private long idOf(String email) {
        return jdbc.queryForObject("select id from account where email = ?", Long.class, email);
    }
}
