package app.physioportal.demo;

import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.CrampDuration;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.diary.Relief;
import app.physioportal.diary.Side;
import app.physioportal.diary.Trigger;
import app.physioportal.security.AccountService;
import app.physioportal.security.CurrentUser;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each demo patient's cramp diary, night by night from {@link DemoStories}: cramps spread between 23:00
 * and 06:00, a cramp-free check-in for recorded nights without cramps, nothing for unrecorded nights.
 * Written by the patient themself through {@link DiaryService}, so it is authorised and audited.
 */
@Component
class DiaryDemoData {

    private static final Logger log = LoggerFactory.getLogger(DiaryDemoData.class);
    private static final int NIGHT_START_MINUTES = 23 * 60;
    private static final int NIGHT_LENGTH_MINUTES = 7 * 60;

    private final DiaryService diary;
    private final SystemTasks systemTasks;
    private final CurrentUser currentUser;
    private final Nights nights;
    private final Clock clock;

    DiaryDemoData(DiaryService diary, SystemTasks systemTasks, CurrentUser currentUser, Nights nights, Clock clock) {
        this.diary = diary;
        this.systemTasks = systemTasks;
        this.currentUser = currentUser;
        this.nights = nights;
        this.clock = clock;
    }

    void seed(LocalDate today) {
        long started = System.nanoTime();
        for (DemoStories.Story story : DemoStories.STORIES) {
            List<CrampInput> byHelper = new ArrayList<>();
            long[] patientId = new long[1];
            systemTasks.runAsAccount(story.email(), () -> {
                patientId[0] = currentUser.require().id();
                byHelper.addAll(seed(story, today));
            });
            // Written by Margaret's husband through the same service, so the diary says "Logged by Peter Ellis".
            if (!byHelper.isEmpty()) {
                systemTasks.runAsAccount(DemoDataSeeder.HELPER_EMAIL,
                        () -> byHelper.forEach(cramp -> diary.logCramp(patientId[0], cramp)));
            }
        }
        log.info("Seeded the demo cramp diaries in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Writes the story's diary; returns the cramps the patient's helper logs for them (Margaret's, of one night). */
    private List<CrampInput> seed(DemoStories.Story story, LocalDate today) {
        Instant now = clock.instant();
        List<CrampInput> cramps = new ArrayList<>();
        List<CheckInInput> checkIns = new ArrayList<>();
        for (DemoStories.Night night : DemoStories.nights(story, today)) {
            if (!night.recorded()) {
                continue;
            }
            SplittableRandom random = new SplittableRandom(night.seed());
            int woken = 0;
            int logged = 0;
            for (int i = 0; i < night.cramps(); i++) {
                CrampInput cramp = cramp(story, night, i, random);
                if (!cramp.occurredAt().isAfter(now)) {
                    cramps.add(cramp);
                    logged++;
                    woken += cramp.wokeFromSleep() ? 1 : 0;
                }
            }
            if (logged == 0) {
                checkIns.add(new CheckInInput(night.date(), true, random.nextDouble() < 0.3 ? random.nextInt(0, 3) : null));
            } else if (random.nextDouble() < 0.4) {
                checkIns.add(new CheckInInput(night.date(), false, Math.min(10, 2 * woken + random.nextInt(0, 3))));
            }
        }
        List<CrampInput> byHelper = new ArrayList<>();
        if (story.number() == 1) {
            // The latest night with cramps in the last ten days, when Peter logged them while Margaret rested.
            cramps.stream().map(c -> nights.nightOf(c.occurredAt())).filter(n -> !n.isBefore(today.minusDays(10)))
                    .max(LocalDate::compareTo).ifPresent(night -> {
                        byHelper.addAll(cramps.stream().filter(c -> nights.nightOf(c.occurredAt()).equals(night)).toList());
                        cramps.removeAll(byHelper);
                        checkIns.removeIf(c -> c.night().equals(night));
                    });
        }
        diary.recordHistory(currentUser.require().id(), cramps, checkIns);
        return byHelper;
    }

    private CrampInput cramp(DemoStories.Story story, DemoStories.Night night, int index, SplittableRandom random) {
        int slot = NIGHT_LENGTH_MINUTES / night.cramps();
        int minute = NIGHT_START_MINUTES + slot * index + random.nextInt(slot);
        Instant at = night.date().atTime(LocalTime.MIDNIGHT).plusMinutes(minute).atZone(nights.zone()).toInstant();
        int intensity = (int) Math.round(Math.max(0, Math.min(10, night.meanIntensity() + random.nextDouble(-1.5, 1.5))));
        double where = random.nextDouble();
        CrampLocation location = where < 0.72 ? CrampLocation.CALF
                : where < 0.9 ? CrampLocation.FOOT : CrampLocation.THIGH_HAMSTRING;
        double side = random.nextDouble();
        Side leg = side < 0.45 ? Side.LEFT : side < 0.9 ? Side.RIGHT : Side.BOTH;
        double howLong = random.nextDouble();
        CrampDuration duration = howLong < 0.3 ? CrampDuration.UNDER_1_MIN
                : howLong < 0.8 ? CrampDuration.ONE_TO_5 : howLong < 0.95 ? CrampDuration.FIVE_TO_10
                : CrampDuration.OVER_10;
        return new CrampInput(at, intensity, duration, null, location, leg, random.nextDouble() < 0.85,
                triggers(story, night, random), relief(night, random), null);
    }

    private static Set<Trigger> triggers(DemoStories.Story story, DemoStories.Night night, SplittableRandom random) {
        Set<Trigger> triggers = EnumSet.noneOf(Trigger.class);
        if (story.medication() != null && random.nextDouble() < 0.6) {
            triggers.add(Trigger.MEDICATION);
        }
        if (random.nextDouble() < 0.3) {
            triggers.add(Trigger.FATIGUE_OVERUSE);
        }
        if (random.nextDouble() < 0.2) {
            triggers.add(Trigger.SLEEPING_POSITION);
        }
        if (random.nextDouble() < 0.12) {
            triggers.add(Trigger.PROLONGED_SITTING);
        }
        if (random.nextDouble() < 0.1) {
            triggers.add(Trigger.DEHYDRATION);
        }
        return triggers;
    }

    private static Set<Relief> relief(DemoStories.Night night, SplittableRandom random) {
        double pick = random.nextDouble();
        if (pick < (night.exercisesLogged() ? 0.65 : 0.45)) {
            return EnumSet.of(Relief.STRETCH);
        }
        if (pick < 0.8) {
            return EnumSet.of(Relief.WALKING);
        }
        return pick < 0.92 ? EnumSet.of(Relief.MASSAGE, Relief.STRETCH) : EnumSet.of(Relief.NOTHING);
    }
}
