package app.physioportal.plan;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.AdherenceCalculator.Done;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's day and adherence: what is due today, ticks and their effort, and the weekly and nightly
 * figures the progress page and the caseload read. Every method checks {@link PatientAccess} first.
 */
@Service
public class AdherenceService {

    private final AdherenceRecordRepository adherence;
    private final PlanStore store;
    private final ExerciseService exercises;
    private final PatientAccess access;
    private final AuditService audit;
    private final Clock clock;

    AdherenceService(AdherenceRecordRepository adherence, PlanStore store, ExerciseService exercises,
            PatientAccess access, AuditService audit, Clock clock) {
        this.adherence = adherence;
        this.store = store;
        this.exercises = exercises;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is due on the current day, whether each is ticked, and this week's adherence. Empty without a plan. */
    @Transactional(readOnly = true)
    public Optional<TodayPlan> today(long patientId) {
        access.checkWithHelpers(patientId);
        Optional<PlanStore.Loaded> loaded = store.load(patientId);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = store.currentDay();
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        List<VersionSpan> spans = store.spans(loaded.get());
        Optional<VersionSpan> active = AdherenceCalculator.activeOn(spans, day);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        LocalDate weekStart = AdherenceCalculator.weekStart(day);
        List<AdherenceRecord> week = adherence.findByPatientIdAndDoneDayBetween(patientId, weekStart, day);
        Map<Long, AdherenceRecord> todays = week.stream().filter(r -> r.getDoneDay().equals(day))
                .collect(Collectors.toMap(AdherenceRecord::getExerciseId, r -> r));
        Map<Long, Long> weekCounts = week.stream()
                .collect(Collectors.groupingBy(AdherenceRecord::getExerciseId, Collectors.counting()));
        PlanStore.VersionRow version = loaded.get().version(active.get().number());
        List<TodayItem> tonight = new ArrayList<>();
        List<TodayItem> daytime = new ArrayList<>();
        for (PlanItem item : PlanStore.Loaded.planItems(version, library)) {
            AdherenceRecord record = todays.get(item.exercise().id());
            TodayItem entry = new TodayItem(item, record != null, record == null ? null : record.getEffort(),
                    weekCounts.getOrDefault(item.exercise().id(), 0L).intValue());
            (item.dose().timing() == Timing.BEFORE_BED ? tonight : daytime).add(entry);
        }
        WeekAdherence thisWeek = AdherenceCalculator.week(spans, done(week), weekStart, day);
        return Optional.of(new TodayPlan(day, version.number(), tonight, daytime, thisWeek));
    }

    /** The patient ticks an item for today. A second tap finds today's tick and adds nothing. */
    @Transactional
    public void markDone(long patientId, long exerciseId, Integer effort) {
        access.checkRecorder(patientId, "tick exercises");
        validateEffort(effort);
        LocalDate day = store.currentDay();
        if (adherence.findByPatientIdAndExerciseIdAndDoneDay(patientId, exerciseId, day).isPresent()) {
            return;
        }
        VersionSpan version = versionPrescribing(patientId, exerciseId, day);
        adherence.save(new AdherenceRecord(patientId, exerciseId, day, version.versionId(), effort, clock.instant()));
        audit.record(AuditAction.EXERCISE_DONE, patientId, name(exerciseId) + " done on " + day
                + (effort == null ? "" : ", effort " + effort));
    }

    /** Takes back today's tick (a mis-tap). */
    @Transactional
    public void undo(long patientId, long exerciseId) {
        access.checkRecorder(patientId, "tick exercises");
        LocalDate day = store.currentDay();
        adherence.findByPatientIdAndExerciseIdAndDoneDay(patientId, exerciseId, day).ifPresent(record -> {
            adherence.delete(record);
            audit.record(AuditAction.EXERCISE_UNDONE, patientId, name(exerciseId) + " tick removed for " + day);
        });
    }

    /** Effort or pain 0-10 for today's tick; null clears it. */
    @Transactional
    public void setEffort(long patientId, long exerciseId, Integer effort) {
        access.checkRecorder(patientId, "record exercise effort");
        validateEffort(effort);
        LocalDate day = store.currentDay();
        AdherenceRecord record = adherence.findByPatientIdAndExerciseIdAndDoneDay(patientId, exerciseId, day)
                .orElseThrow(() -> new IllegalArgumentException("Tick the exercise as done first"));
        Integer was = record.getEffort();
        record.setEffort(effort);
        audit.record(AuditAction.EXERCISE_EFFORT_SET, patientId, name(exerciseId) + " on " + day + ": effort "
                + (was == null ? "none" : was) + " -> " + (effort == null ? "none" : effort));
    }

    /**
     * Records ticks for past days at once (the demo history). Only the patient; each day must be on the plan,
     * not in the future, and the exercise prescribed that day. Days already ticked are left as they are.
     */
    @Transactional
    public int recordPastDays(long patientId, List<Tick> ticks) {
        access.checkAs(patientId, Role.PATIENT, "tick exercises");
        List<VersionSpan> spans = store.spans(List.of(patientId)).get(patientId);
        if (spans == null) {
            throw new IllegalArgumentException("No plan yet");
        }
        LocalDate today = store.currentDay();
        LocalDate first = ticks.stream().map(Tick::day).min(LocalDate::compareTo).orElse(today);
        Set<Done> existing = done(adherence.findByPatientIdAndDoneDayBetween(patientId, first, today));
        Instant now = clock.instant();
        List<AdherenceRecord> rows = new ArrayList<>();
        for (Tick tick : ticks) {
            validateEffort(tick.effort());
            if (tick.day().isAfter(today)) {
                throw new IllegalArgumentException("Cannot tick a day in the future");
            }
            VersionSpan version = AdherenceCalculator.activeOn(spans, tick.day())
                    .filter(v -> v.items().stream().anyMatch(i -> i.exerciseId() == tick.exerciseId()))
                    .orElseThrow(() -> new IllegalArgumentException("Not in the plan on " + tick.day()));
            if (existing.add(new Done(tick.exerciseId(), tick.day()))) {
                rows.add(new AdherenceRecord(patientId, tick.exerciseId(), tick.day(), version.versionId(),
                        tick.effort(), now));
            }
        }
        adherence.saveAll(rows);
        if (!rows.isEmpty()) {
            audit.record(AuditAction.ADHERENCE_RECORDED, patientId, rows.size() + " ticks recorded, "
                    + rows.stream().map(AdherenceRecord::getDoneDay).min(LocalDate::compareTo).orElseThrow() + " to "
                    + rows.stream().map(AdherenceRecord::getDoneDay).max(LocalDate::compareTo).orElseThrow());
        }
        return rows.size();
    }

    /** Adherence for the week (Monday start) holding {@code anyDay}, counting days up to today. */
    @Transactional(readOnly = true)
    public WeekAdherence weekAdherence(long patientId, LocalDate anyDay) {
        access.checkWithHelpers(patientId);
        LocalDate weekStart = AdherenceCalculator.weekStart(anyDay);
        return weeklyAdherence(patientId, weekStart, weekStart.plusDays(6)).getFirst();
    }

    /** One entry per week from the week holding {@code from} to the week holding {@code to}, for the charts. */
    @Transactional(readOnly = true)
    public List<WeekAdherence> weeklyAdherence(long patientId, LocalDate from, LocalDate to) {
        return adherenceHistory(patientId, from, null, to).weeks();
    }

    /**
     * Adherence of many patients over the same days, as one whole percent each (null: nothing
     * prescribed), for the caseload: two queries for the whole list (the plans' versions and items, the ticks),
     * whatever its length, each reading only the columns the figures need.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> adherencePercents(Collection<Long> patientIds, LocalDate from, LocalDate to) {
        access.checkAll(patientIds);
        Map<Long, Integer> percents = new HashMap<>();
        if (patientIds.isEmpty()) {
            return percents;
        }
        LocalDate last = min(to, store.currentDay());
        LocalDate first = AdherenceCalculator.weekStart(from);
        Map<Long, List<VersionSpan>> plansOf = store.spans(patientIds);
        Map<Long, Set<Done>> doneByPatient = store.done(patientIds, first, last);
        for (Long patientId : patientIds) {
            List<WeekAdherence> weeks = AdherenceCalculator.weeks(plansOf.getOrDefault(patientId, List.of()),
                    doneByPatient.getOrDefault(patientId, Set.of()), first, to, last);
            double prescribed = weeks.stream().mapToDouble(WeekAdherence::prescribed).sum();
            double done = weeks.stream().mapToDouble(WeekAdherence::done).sum();
            percents.put(patientId, prescribed <= 0 ? null : (int) Math.round(100 * done / prescribed));
        }
        return percents;
    }

    /**
     * The patient's plan as the adherence figures read it (each version's number, first day and items), for a page
     * that shows both the versions and the figures: it reads the plan once and passes it to
     * {@link #adherenceHistory(PlanSchedule, LocalDate, LocalDate, LocalDate)}.
     */
    @Transactional(readOnly = true)
    public PlanSchedule schedule(long patientId) {
        access.checkWithHelpers(patientId);
        return readSchedule(patientId);
    }

    private PlanSchedule readSchedule(long patientId) {
        return new PlanSchedule(patientId, store.spans(List.of(patientId)).getOrDefault(patientId, List.of()));
    }

    /** What the progress page needs of the plan, from one read of the plan and one of the ticks. */
    @Transactional(readOnly = true)
    public AdherenceHistory adherenceHistory(long patientId, LocalDate weeksFrom, LocalDate nightsFrom, LocalDate to) {
        access.checkWithHelpers(patientId);
        return history(readSchedule(patientId), weeksFrom, nightsFrom, to);
    }

    /**
     * As {@link #adherenceHistory(long, LocalDate, LocalDate, LocalDate)}, on a plan already read with
     * {@link #schedule}: one read of the ticks (exercise and day only).
     */
    @Transactional(readOnly = true)
    public AdherenceHistory adherenceHistory(PlanSchedule plan, LocalDate weeksFrom, LocalDate nightsFrom,
            LocalDate to) {
        access.checkWithHelpers(plan.patientId());
        return history(plan, weeksFrom, nightsFrom, to);
    }

    private AdherenceHistory history(PlanSchedule plan, LocalDate weeksFrom, LocalDate nightsFrom, LocalDate to) {
        long patientId = plan.patientId();
        LocalDate last = min(to, store.currentDay());
        LocalDate firstWeek = AdherenceCalculator.weekStart(weeksFrom);
        LocalDate first = nightsFrom != null && nightsFrom.isBefore(firstWeek) ? nightsFrom : firstWeek;
        List<VersionSpan> spans = plan.spans();
        Set<Done> done = store.done(List.of(patientId), first, last).getOrDefault(patientId, Set.of());
        List<NightStretch> nights = nightsFrom == null || nightsFrom.isAfter(last) ? List.of()
                : AdherenceCalculator.bedtimeStretches(spans, done, nightsFrom, last);
        return new AdherenceHistory(AdherenceCalculator.weeks(spans, done, firstWeek, to, last), nights);
    }

    /** Per night in the range: were all that night's bedtime stretches done? For "does stretching help me". */
    @Transactional(readOnly = true)
    public List<NightStretch> bedtimeStretchNights(long patientId, LocalDate from, LocalDate to) {
        return adherenceHistory(patientId, from, from, to).bedtimeNights();
    }

    private static void validateEffort(Integer effort) {
        if (effort != null && (effort < 0 || effort > PlanService.MAX_EFFORT)) {
            throw new IllegalArgumentException("Effort or pain: 0 to " + PlanService.MAX_EFFORT);
        }
    }

    private VersionSpan versionPrescribing(long patientId, long exerciseId, LocalDate day) {
        return AdherenceCalculator.activeOn(store.spans(List.of(patientId)).getOrDefault(patientId, List.of()), day)
                .filter(v -> v.items().stream().anyMatch(i -> i.exerciseId() == exerciseId))
                .orElseThrow(() -> new IllegalArgumentException("This exercise is not in your plan today"));
    }

    private String name(long exerciseId) {
        ExerciseInfo exercise = exercises.libraryById().get(exerciseId);
        return exercise == null ? "exercise " + exerciseId : exercise.name();
    }

    private static Set<Done> done(List<AdherenceRecord> records) {
        return records.stream().map(r -> new Done(r.getExerciseId(), r.getDoneDay()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
