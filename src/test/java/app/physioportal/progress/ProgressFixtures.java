package app.physioportal.progress;

import app.physioportal.diary.CheckInInput;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanService;
import app.physioportal.plan.Tick;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Diary history for a fresh fixture patient: nights given as cramp counts relative to the current week. */
@Component
public class ProgressFixtures {

    private final PlanFixtures plans;
    private final DiaryService diary;
    private final PlanService planService;
    private final AdherenceService adherence;
    private final Nights nights;
    private final Clock clock;
    private final ProgressService progress;

    ProgressFixtures(PlanFixtures plans, DiaryService diary, PlanService planService, AdherenceService adherence, Nights nights, Clock clock,
            ProgressService progress) {
        this.progress = progress;
        this.plans = plans;
        this.diary = diary;
        this.planService = planService;
        this.adherence = adherence;
        this.nights = nights;
        this.clock = clock;
    }

    public LocalDate lastNight() {
        return nights.lastNight(clock);
    }

    /** The Monday starting the week that holds last night. */
    public LocalDate currentWeek() {
        return Nights.weekStart(lastNight());
    }

    public PlanFixtures.FreshPatient newPatient() {
        return plans.newPatient();
    }

    /** Records each night with that many cramps of that intensity; zero is a cramp-free check-in. */
    public void record(PlanFixtures.FreshPatient patient, List<LocalDate> dates, int cramps, int intensity) {
        List<CrampInput> newCramps = new ArrayList<>();
        List<CheckInInput> checkIns = new ArrayList<>();
        for (LocalDate night : dates) {
            if (cramps == 0) {
                checkIns.add(new CheckInInput(night, true, null));
            }
            for (int i = 0; i < cramps; i++) {
                newCramps.add(CrampInput.quick(night.atTime(LocalTime.of(22, 0).plusMinutes(10L * i))
                        .atZone(nights.zone()).toInstant(), intensity, CrampLocation.CALF));
            }
        }
        plans.as(patient.email(), () -> diary.recordHistory(patient.id(), newCramps, checkIns));
    }

    public static List<LocalDate> days(LocalDate first, int count) {
        return first.datesUntil(first.plusDays(count)).toList();
    }

    public int startPlan(PlanFixtures.FreshPatient patient, LocalDate from) {
        return plans.as(PlanFixtures.PHYSIO, () -> planService.createVersionEffectiveFrom(patient.id(), null,
                planService.trialTemplate(), "Start of the bedtime stretching programme", from));
    }

    public int nextVersion(PlanFixtures.FreshPatient patient, int basedOn, LocalDate from) {
        return plans.as(PlanFixtures.PHYSIO, () -> planService.createVersionEffectiveFrom(patient.id(), basedOn,
                planService.trialTemplate(), "Keep going, review in two weeks", from));
    }

    /** Ticks every bedtime stretch of the trial template on these days. */
    public void stretchOn(PlanFixtures.FreshPatient patient, List<LocalDate> dates) {
        plans.as(patient.email(), () -> {
            List<Tick> ticks = new ArrayList<>();
            for (LocalDate day : dates) {
                planService.trialTemplate().forEach(item -> ticks.add(new Tick(item.exerciseId(), day, null)));
            }
            adherence.recordPastDays(patient.id(), ticks);
        });
    }

    public ProgressReport report(PlanFixtures.FreshPatient patient, ProgressRange range) {
        return plans.as(patient.email(), () -> progress.report(patient.id(), range));
    }

}
