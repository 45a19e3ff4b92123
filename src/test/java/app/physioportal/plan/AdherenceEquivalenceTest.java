package app.physioportal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.patient.AssignedPatient;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanSchedule.VersionStart;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans and adherence read as records (issue 18) equal the old reads of managed entities ({@link ReferenceAdherence},
 * the old code kept as it was): the history with its items and changes, today's list, the weekly figures and
 * bedtime nights over several ranges, the schedule the progress page reads, and the caseload's percentages, compared
 * whole as records (every double exact). On the demo patients and both demo physios' caseloads, and on generated
 * plans: up to five versions with items added, removed, re-dosed and reordered, days a week from 1 to 7, every
 * timing, versions starting mid-week and two on the same day, ticks left on exercises a later back-dated version
 * took out, a plan starting today, a plan without a tick, and a patient without a plan.
 */
@PortalTest
class AdherenceEquivalenceTest {

    @Autowired
    AdherenceService adherence;

    @Autowired
    PlanService plans;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    ExerciseService exercises;

    @Autowired
    PatientService patients;

    @Autowired
    EntityManager entities;

    @Autowired
    PrescribedItemRepository items;

    @Autowired
    AdherenceRecordRepository records;

    @Autowired
    PlanStore store;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DemoIds ids;

    ReferenceAdherence reference;

    @BeforeEach
    void referenceImplementation() {
        reference = new ReferenceAdherence(entities, items, records, exercises, store);
    }

    /** The reference in a read-only transaction, as the services read. */
    private <T> T old(Supplier<T> read) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setReadOnly(true);
        return tx.execute(status -> read.get());
    }

    private void assertSameAsReference(String email, long patientId) {
        LocalDate day;
        do { // both on the same day: a run across midnight compares again
            day = plans.currentDay();
            compare(email, patientId, day);
        } while (!day.equals(plans.currentDay()));
    }

    private void compare(String email, long patientId, LocalDate today) {
        fixtures.as(email, () -> {
            List<PlanVersionView> history = plans.history(patientId);
            assertThat(history).as(email + " history").isEqualTo(old(() -> reference.history(patientId)));
            assertThat(plans.currentPlan(patientId)).as(email + " current plan")
                    .isEqualTo(old(() -> reference.history(patientId)).stream().findFirst());
            assertThat(adherence.today(patientId)).as(email + " today").isEqualTo(old(() -> reference.today(patientId)));
            PlanSchedule schedule = adherence.schedule(patientId);
            assertThat(schedule.versions()).as(email + " schedule").isEqualTo(history.reversed().stream()
                    .map(v -> new VersionStart(v.number(), v.effectiveFrom())).toList());
            LocalDate planStart = history.stream().map(PlanVersionView::effectiveFrom)
                    .min(Comparator.naturalOrder()).orElse(today.minusWeeks(3));
            LocalDate week = AdherenceCalculator.weekStart(today);
            // The progress page's ranges (12 weeks, a year with the stretching nights), one ending in the past, one
            // starting before the plan, the week under way, and a day past today.
            List<LocalDate[]> ranges = List.of(
                    new LocalDate[] {week.minusWeeks(11), planStart, today},
                    new LocalDate[] {week.minusWeeks(54), week.minusWeeks(54), today},
                    new LocalDate[] {planStart.minusDays(9), null, today},
                    new LocalDate[] {planStart, planStart.plusDays(3), planStart.plusDays(40)},
                    new LocalDate[] {week, today, today},
                    new LocalDate[] {week.minusWeeks(2), today.minusDays(5), today.plusDays(1)});
            for (LocalDate[] r : ranges) {
                String what = email + " from " + r[0] + ", nights from " + r[1] + " to " + r[2];
                AdherenceHistory expected = old(() -> reference.adherenceHistory(patientId, r[0], r[1], r[2]));
                assertThat(adherence.adherenceHistory(patientId, r[0], r[1], r[2])).as(what).isEqualTo(expected);
                assertThat(adherence.adherenceHistory(schedule, r[0], r[1], r[2])).as(what + ", read once")
                        .isEqualTo(expected);
                assertThat(adherence.weeklyAdherence(patientId, r[0], r[2])).as(what + ", weekly")
                        .isEqualTo(old(() -> reference.weeklyAdherence(patientId, r[0], r[2])));
            }
        });
    }

    private void assertSameCaseload(String physio) {
        fixtures.as(physio, () -> {
            List<Long> ids = patients.myPatients().stream().map(AssignedPatient::id).toList();
            assertThat(ids).as(physio + " has patients").isNotEmpty();
            LocalDate day;
            do {
                day = plans.currentDay();
                // The caseload's window (the last two weeks to yesterday), a quarter, and one in the past.
                for (LocalDate[] r : List.of(new LocalDate[] {day.minusDays(14), day.minusDays(1)},
                        new LocalDate[] {day.minusWeeks(13), day}, new LocalDate[] {day.minusDays(60), day.minusDays(33)})) {
                    Map<Long, Integer> expected = old(() -> reference.adherencePercents(ids, r[0], r[1]));
                    assertThat(adherence.adherencePercents(ids, r[0], r[1])).as(physio + " " + r[0] + " to " + r[1])
                            .isEqualTo(expected);
                }
            } while (!day.equals(plans.currentDay()));
        });
    }

    @Test
    void the_demo_patients_and_caseloads_get_the_same_figures() {
        for (String email : List.of(Demo.PATIENT1, Demo.PATIENT2, Demo.PATIENT3, Demo.PATIENT4, Demo.PATIENT5,
                Demo.PATIENT6)) {
            assertSameAsReference(email, ids.idOf(email));
        }
        assertSameCaseload(Demo.PHYSIO1);
        assertSameCaseload(Demo.PHYSIO2);
    }

    @Test
    void generated_plans_and_ticks_get_the_same_figures() {
        FreshPatient noPlan = fixtures.newPatient();
        assertSameAsReference(noPlan.email(), noPlan.id());

        FreshPatient startsToday = fixtures.newPatient();
        LocalDate today = plans.currentDay();
        fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionEffectiveFrom(startsToday.id(), null,
                plans.trialTemplate(), "Start tonight", today));
        assertSameAsReference(startsToday.email(), startsToday.id());

        List<ExerciseInfo> library = fixtures.as(PlanFixtures.PHYSIO, () -> exercises.library());
        int withTicksOffPlan = 0;
        int sameDayVersions = 0;
        for (long seed = 1; seed <= 6; seed++) {
            FreshPatient patient = fixtures.newPatient();
            Generated made = generate(patient, library, new SplittableRandom(seed), seed == 1);
            withTicksOffPlan += made.ticksOffPlan;
            sameDayVersions += made.sameDayVersions;
            assertSameAsReference(patient.email(), patient.id());
        }
        assertThat(withTicksOffPlan).as("ticks left on exercises a later version took out").isPositive();
        assertThat(sameDayVersions).as("two versions starting on the same day").isPositive();
        assertSameCaseload(PlanFixtures.PHYSIO);
    }

    private static final class Generated {
        int ticksOffPlan;
        int sameDayVersions;
    }

    /**
     * A plan from up to 40 weeks ago with two to five versions, each starting on or after the one before (some on
     * the same day, some mid-week, the last possibly today); after each version, ticks on a random share of the days
     * it covers up to today, so the earlier versions' ticks run past a later, back-dated version's start.
     * {@code noTicks}: the plan alone.
     */
    private Generated generate(FreshPatient patient, List<ExerciseInfo> library, SplittableRandom random,
            boolean noTicks) {
        Generated made = new Generated();
        LocalDate today = plans.currentDay();
        LocalDate from = today.minusDays(60 + random.nextInt(220));
        int versions = 2 + random.nextInt(4);
        List<ItemDraft> current = new ArrayList<>();
        int number = 0;
        for (int v = 0; v < versions; v++) {
            if (v > 0) {
                int roll = random.nextInt(4);
                if (roll == 0) {
                    made.sameDayVersions++; // on the day the one before started
                } else {
                    long left = today.toEpochDay() - from.toEpochDay();
                    from = from.plusDays(left <= 0 ? 0 : 1 + random.nextLong(left));
                }
            }
            List<ItemDraft> next = nextItems(current, library, random);
            int basedOn = number;
            LocalDate start = from;
            List<ItemDraft> dose = next;
            number = fixtures.as(PlanFixtures.PHYSIO, () -> plans.createVersionEffectiveFrom(patient.id(),
                    basedOn == 0 ? null : basedOn, dose, "Generated change " + (basedOn + 1), start));
            for (ItemDraft removed : current) {
                if (!noTicks && next.stream().noneMatch(d -> d.exerciseId().equals(removed.exerciseId()))) {
                    made.ticksOffPlan++;
                }
            }
            current = next;
            if (!noTicks) {
                double share = 0.2 + 0.7 * random.nextDouble();
                List<Tick> ticks = new ArrayList<>();
                for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
                    for (ItemDraft item : next) {
                        if (random.nextDouble() < share) {
                            ticks.add(new Tick(item.exerciseId(), day, random.nextInt(3) == 0 ? random.nextInt(11) : null));
                        }
                    }
                }
                fixtures.as(patient.email(), () -> adherence.recordPastDays(patient.id(), ticks));
            }
        }
        return made;
    }

    /** The items of the next version: some kept (re-dosed or not), some removed, some added, the order shuffled. */
    private static List<ItemDraft> nextItems(List<ItemDraft> current, List<ExerciseInfo> library,
            SplittableRandom random) {
        List<ItemDraft> next = new ArrayList<>();
        for (ItemDraft item : current) {
            int roll = random.nextInt(5);
            if (roll == 0) {
                continue; // removed
            }
            next.add(roll == 1 ? redosed(item, random) : item);
        }
        int adding = next.isEmpty() ? 1 + random.nextInt(3) : random.nextInt(3);
        for (int i = 0; i < adding; i++) {
            ExerciseInfo exercise = library.get(random.nextInt(library.size()));
            if (next.stream().noneMatch(d -> d.exerciseId() == exercise.id())) {
                next.add(redosed(ItemDraft.fromDefaults(exercise), random));
            }
        }
        if (next.size() > 1 && random.nextBoolean()) {
            next.add(next.removeFirst()); // reordered
        }
        return next;
    }

    private static ItemDraft redosed(ItemDraft item, SplittableRandom random) {
        Timing[] timings = Timing.values();
        return new ItemDraft(item.exerciseId(), 1 + random.nextInt(4), 1 + random.nextInt(15), random.nextInt(31),
                random.nextInt(61), 1 + random.nextInt(3), 1 + random.nextInt(7), timings[random.nextInt(timings.length)],
                random.nextBoolean() ? "both legs" : "  ", random.nextInt(3) == 0 ? "Review in two weeks" : null);
    }
}
