package app.physioportal.progress;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.diary.Trigger;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanService;
import app.physioportal.security.PatientAccess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The progress figures summed by the database (issue 18) equal those of the old computation, which read every entry
 * of the year and summed in Java ({@link ReferenceProgress}, the old code kept as it was): on the demo patients, and
 * on generated diaries with gaps (whole weeks and single nights without a record, cramp-free check-ins, check-ins of
 * nights with cramps, cramps either side of midnight and of the noon cut-off and across the clock changes, a patient
 * with nothing at all), for every range. Reports are compared whole, as records, so every figure and every double
 * must match exactly.
 */
@PortalTest
class ProgressEquivalenceTest {

    @Autowired
    ProgressService progress;

    @Autowired
    ProgressFixtures fixtures;

    @Autowired
    PlanFixtures plans;

    @Autowired
    DiaryService diary;

    @Autowired
    PlanService planService;

    @Autowired
    AdherenceService adherence;

    @Autowired
    PatientAccess access;

    @Autowired
    Nights nights;

    @Autowired
    Clock clock;

    @Autowired
    app.physioportal.DemoIds ids;

    ReferenceProgress reference;

    @BeforeEach
    void referenceImplementation() {
        reference = new ReferenceProgress(diary, planService, adherence, access, nights, clock);
    }

    private void assertSameAsReference(String email, long patientId) {
        for (ProgressRange range : ProgressRange.values()) {
            ProgressReport expected;
            ProgressReport actual;
            LocalDate night;
            do { // both on the same day: a run across midnight compares again
                night = nights.lastNight(clock);
                expected = plans.as(email, () -> reference.report(patientId, range));
                actual = plans.as(email, () -> progress.report(patientId, range));
            } while (!night.equals(nights.lastNight(clock)));
            assertThat(actual).as(email + ", " + range).isEqualTo(expected);
        }
    }

    @Test
    void the_demo_patients_get_the_same_report() {
        List<String> demo = List.of(Demo.PATIENT1, Demo.PATIENT2, Demo.PATIENT3, Demo.PATIENT4, Demo.PATIENT5,
                Demo.PATIENT6);
        int withFigures = 0;
        for (String email : demo) {
            long id = ids.idOf(email);
            assertSameAsReference(email, id);
            if (!plans.as(email, () -> progress.report(id, ProgressRange.ALL)).empty()) {
                withFigures++;
            }
        }
        assertThat(withFigures).as("the demo clinic has diaries to compare").isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_patient_with_nothing_recorded_gets_the_same_empty_report() {
        FreshPatient patient = fixtures.newPatient();
        assertSameAsReference(patient.email(), patient.id());
        assertThat(fixtures.report(patient, ProgressRange.ALL).empty()).isTrue();
    }

    @Test
    void a_plan_without_any_diary_gets_the_same_report() {
        FreshPatient patient = fixtures.newPatient();
        LocalDate start = fixtures.currentWeek().minusWeeks(6);
        fixtures.startPlan(patient, start);
        fixtures.stretchOn(patient, ProgressFixtures.days(start, 10));
        assertSameAsReference(patient.email(), patient.id());
    }

    @Test
    void plan_versions_starting_on_the_same_day_get_the_same_report() {
        FreshPatient patient = fixtures.newPatient();
        LocalDate start = fixtures.currentWeek().minusWeeks(5).plusDays(2);
        int first = fixtures.startPlan(patient, start);
        int second = fixtures.nextVersion(patient, first, start);
        fixtures.nextVersion(patient, second, start.plusWeeks(2));
        fixtures.record(patient, ProgressFixtures.days(start.minusWeeks(2), 40), 1, 4);
        fixtures.stretchOn(patient, ProgressFixtures.days(start, 20));
        assertSameAsReference(patient.email(), patient.id());
        assertThat(fixtures.report(patient, ProgressRange.ALL).markers()).extracting(ProgressReport.PlanMarker::versionNumber)
                .as("markers of versions starting on the same day, the newer first").containsExactly(2, 1, 3);
    }

    @Test
    void generated_diaries_with_gaps_get_the_same_report() {
        for (long seed = 1; seed <= 4; seed++) {
            FreshPatient patient = fixtures.newPatient();
            Generated made = generate(patient, new SplittableRandom(seed));
            assertSameAsReference(patient.email(), patient.id());

            ProgressReport all = fixtures.report(patient, ProgressRange.ALL);
            assertThat(all.recordedNights()).as("seed " + seed + " recorded nights").isGreaterThan(100);
            assertThat(all.weeks()).as("seed %d has weeks without a record", seed)
                    .anyMatch(w -> w.recordedNights() == 0);
            assertThat(all.weeks()).as("seed %d has thin weeks", seed).anyMatch(ProgressReport.Week::insufficientData);
            assertThat(all.baseline()).isNotNull();
            assertThat(all.stretching().stretchedNights() + all.stretching().notStretchedNights())
                    .as("seed %d compares stretching", seed).isPositive();
            assertThat(all.triggers()).isNotEmpty();
            assertThat(made.crampFreeNights).isPositive();
            assertThat(made.aroundClockChanges).as("cramps placed around the clock changes").isPositive();
        }
    }

    private static final class Generated {
        int crampFreeNights;
        int aroundClockChanges;
    }

    /**
     * About 50 weeks of diary: some whole weeks left empty, a third of the other nights unrecorded, a fifth checked
     * in as cramp-free, the rest with one to four cramps at times chosen to sit on the night's edges (local
     * midnight, the noon cut-off, either side of each clock change), some nights with a morning answer too; a plan
     * from 30 weeks ago, changed 10 weeks ago, with the bedtime stretches ticked on about half the days.
     */
    private Generated generate(FreshPatient patient, SplittableRandom random) {
        Generated made = new Generated();
        ZoneId zone = nights.zone();
        Instant now = clock.instant();
        Instant oldest = now.minus(Duration.ofDays(355));
        LocalDate lastNight = nights.lastNight(clock);
        LocalDate first = Nights.weekStart(lastNight).minusWeeks(50);
        List<CrampInput> cramps = new ArrayList<>();
        List<CheckInInput> checkIns = new ArrayList<>();
        Set<LocalDate> crampNights = new HashSet<>();
        CrampLocation[] locations = CrampLocation.values();
        Trigger[] triggers = Trigger.values();
        LocalTime[] edges = {LocalTime.of(23, 59), LocalTime.MIDNIGHT, LocalTime.of(0, 1), LocalTime.of(11, 59),
            LocalTime.NOON, LocalTime.of(12, 1), LocalTime.of(3, 0), LocalTime.of(21, 30)};
        for (LocalDate week = first; !week.isAfter(lastNight); week = week.plusWeeks(1)) {
            if (random.nextInt(7) == 0) {
                continue; // a week without any record
            }
            for (LocalDate night = week; night.isBefore(week.plusDays(7)) && !night.isAfter(lastNight);
                    night = night.plusDays(1)) {
                int roll = random.nextInt(10);
                if (roll < 3) {
                    continue; // an unrecorded night
                }
                if (roll < 5) {
                    checkIns.add(new CheckInInput(night, true, random.nextInt(3) == 0 ? random.nextInt(11) : null));
                    made.crampFreeNights++;
                    continue;
                }
                int count = 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    LocalTime time = edges[random.nextInt(edges.length)];
                    // Times after midnight and before noon belong to the evening before: put them on the next day.
                    LocalDate day = time.isBefore(LocalTime.NOON) ? night.plusDays(1) : night;
                    Instant at = day.atTime(time).atZone(zone).toInstant();
                    cramps.add(cramp(at, random, locations, triggers));
                }
                crampNights.add(night);
                if (random.nextInt(4) == 0) {
                    checkIns.add(new CheckInInput(night, false, random.nextInt(11)));
                }
            }
        }
        // Either side of each clock change of the year, one minute apart, and in the repeated hour of autumn.
        ZoneOffsetTransition change = zone.getRules().previousTransition(now);
        while (change != null && change.getInstant().isAfter(oldest)) {
            for (Instant at : List.of(change.getInstant().minusSeconds(60), change.getInstant(),
                    change.getInstant().plusSeconds(60), change.getInstant().plus(Duration.ofMinutes(30)))) {
                cramps.add(cramp(at, random, locations, triggers));
                crampNights.add(nights.nightOf(at));
                made.aroundClockChanges++;
            }
            change = zone.getRules().previousTransition(change.getInstant());
        }
        cramps.removeIf(c -> c.occurredAt().isBefore(oldest) || c.occurredAt().isAfter(now));
        // A cramp-free answer for a night that has cramps is refused: those nights keep only their cramps.
        checkIns.removeIf(c -> c.crampFree() && crampNights.contains(c.night()));
        plans.as(patient.email(), () -> diary.recordHistory(patient.id(), cramps, checkIns));

        LocalDate planStart = fixtures.currentWeek().minusWeeks(30).plusDays(2);
        int version = fixtures.startPlan(patient, planStart);
        fixtures.nextVersion(patient, version, fixtures.currentWeek().minusWeeks(10).plusDays(4));
        List<LocalDate> stretched = planStart.datesUntil(lastNight.plusDays(1))
                .filter(day -> random.nextBoolean()).toList();
        fixtures.stretchOn(patient, stretched);
        return made;
    }

    private static CrampInput cramp(Instant at, SplittableRandom random, CrampLocation[] locations,
            Trigger[] triggers) {
        Set<Trigger> suspected = EnumSet.noneOf(Trigger.class);
        int many = random.nextInt(3);
        for (int i = 0; i < many; i++) {
            suspected.add(triggers[random.nextInt(triggers.length)]);
        }
        return new CrampInput(at, random.nextInt(11), null, null, locations[random.nextInt(locations.length)], null,
                random.nextBoolean(), suspected, null, null);
    }
}
