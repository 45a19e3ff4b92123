package app.physioportal.demo;

import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.Timing;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.ItemDraft;
import app.physioportal.plan.Tick;
import app.physioportal.security.SystemTasks;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each demo patient's plan history and adherence log, from {@link DemoStories}: versions written by
 * their physio on the days the story says, ticks written by the patient on the nights they stretched.
 */
@Component
class PlanDemoData {

    private static final Logger log = LoggerFactory.getLogger(PlanDemoData.class);

    private final PlanService plans;
    private final AdherenceService adherence;
    private final ExerciseService exercises;
    private final PatientService patients;
    private final SystemTasks systemTasks;

    PlanDemoData(PlanService plans, AdherenceService adherence, ExerciseService exercises, PatientService patients, SystemTasks systemTasks) {
        this.plans = plans;
        this.adherence = adherence;
        this.exercises = exercises;
        this.patients = patients;
        this.systemTasks = systemTasks;
    }

    void seed(LocalDate today) {
        long started = System.nanoTime();
        int[] tickCount = new int[1];
        for (DemoStories.Story story : DemoStories.STORIES) {
            TreeMap<LocalDate, List<ItemDraft>> versions = new TreeMap<>();
            long[] patientId = new long[1];
            systemTasks.runAsAccount(story.physioEmail(), () -> {
                patientId[0] = patients.myPatients().stream().filter(p -> p.email().equals(story.email()))
                        .findFirst().orElseThrow().id();
                writeVersions(story, today, patientId[0], versions);
            });
            List<Tick> ticks = ticks(story, today, versions);
            systemTasks.runAsAccount(story.email(), () -> tickCount[0] += adherence.recordPastDays(patientId[0], ticks));
        }
        log.info("Seeded demo exercise plans and {} exercise ticks in {} ms", tickCount[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    private void writeVersions(DemoStories.Story story, LocalDate today, long patientId,
            Map<LocalDate, List<ItemDraft>> versions) {
        LocalDate start = story.planStart(today);
        List<ItemDraft> v1 = plans.trialTemplate();
        plans.createVersionEffectiveFrom(patientId, null, v1,
                "Start of the bedtime stretching programme (trial dose: 3 x 10 s, nightly for 6 weeks)", start);
        versions.put(start, v1);
        if (story.planV2DaysAgo() >= 0) {
            List<ItemDraft> v2 = new ArrayList<>(v1);
            v2.add(calfRaises());
            LocalDate from = today.minusDays(story.planV2DaysAgo());
            plans.createVersionEffectiveFrom(patientId, 1, v2, "progressing: stretches easy, add strength", from);
            versions.put(from, v2);
        } else if (story.number() == 6) {
            List<ItemDraft> v2 = new ArrayList<>(v1);
            v2.add(ItemDraft.fromDefaults(exercises.byCode("pillow-under-knees")));
            LocalDate v2From = start.plusDays(14);
            plans.createVersionEffectiveFrom(patientId, 1, v2,
                    "Wakes with cramps lying on her back with toes pointed: add sleeping-position advice", v2From);
            versions.put(v2From, v2);
            List<ItemDraft> v3 = v2.stream().map(i -> i.holdSeconds() == 10 ? longerHold(i) : i).toList();
            LocalDate v3From = today.minusDays(14);
            plans.createVersionEffectiveFrom(patientId, 2, v3,
                    "Stretches comfortable but calves still tight: hold for 20 s", v3From);
            versions.put(v3From, v3);
        }
    }

    private ItemDraft calfRaises() {
        ItemDraft d = ItemDraft.fromDefaults(exercises.byCode("double-leg-calf-raise"));
        return new ItemDraft(d.exerciseId(), 3, 10, 0, 60, 1, 3, Timing.MORNING, null,
                "Progress to single-leg raises when 3 x 15 is easy");
    }

    private static ItemDraft longerHold(ItemDraft i) {
        return new ItemDraft(i.exerciseId(), i.sets(), i.reps(), 20, i.restSeconds(), i.timesPerDay(),
                i.daysPerWeek(), i.timing(), i.sides(), i.progressionNote());
    }

    /** Stretched nights: every bedtime item. Logged but not stretched: sometimes only the first. Strength on Mon/Wed/Fri. */
    private static List<Tick> ticks(DemoStories.Story story, LocalDate today,
            TreeMap<LocalDate, List<ItemDraft>> versions) {
        List<Tick> ticks = new ArrayList<>();
        for (DemoStories.Night night : DemoStories.nights(story, today)) {
            var version = versions.floorEntry(night.date());
            if (!night.exercisesLogged() || version == null) {
                continue;
            }
            List<ItemDraft> bedtime = version.getValue().stream().filter(i -> i.timing() == Timing.BEFORE_BED).toList();
            if (night.stretched()) {
                bedtime.forEach(i -> ticks.add(new Tick(i.exerciseId(), night.date(), null)));
            } else if (Math.floorMod(night.seed(), 3) == 0 && !bedtime.isEmpty()) {
                ticks.add(new Tick(bedtime.getFirst().exerciseId(), night.date(), null));
            }
            DayOfWeek weekday = night.date().getDayOfWeek();
            boolean strengthDay = weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.WEDNESDAY
                    || weekday == DayOfWeek.FRIDAY;
            if (strengthDay && Math.floorMod(night.seed() >>> 8, 5) != 0) {
                version.getValue().stream().filter(i -> i.timing() != Timing.BEFORE_BED).forEach(i -> ticks.add(
                        new Tick(i.exerciseId(), night.date(), 3 + (int) Math.floorMod(night.seed() >>> 16, 4L))));
            }
        }
        return ticks;
    }
}
