package app.physioportal.plan;

import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.Category;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.AdherenceCalculator.Done;
import app.physioportal.plan.AdherenceCalculator.ItemSpec;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exercise plans: versions written by the assigned physio, the patient's day, and adherence.
 * Every method that touches a patient's plan checks {@link PatientAccess} first.
 */
@Service
public class PlanService {

    public static final int MAX_SETS = 10;
    public static final int MAX_REPS = 50;
    public static final int MAX_HOLD_SECONDS = 120;
    public static final int MAX_REST_SECONDS = 300;
    public static final int MAX_TIMES_PER_DAY = 5;
    public static final int MAX_EFFORT = 10;
    public static final int MAX_REASON = 500;

    /** A tick at 1 a.m. belongs to the evening before: the portal's day starts at 4 a.m. in the clinic's zone. */
    static final Duration DAY_STARTS_AFTER_MIDNIGHT = Duration.ofHours(4);

    /** One exercise with its dose, as the physio writes it. */
    public record ItemDraft(
            @NotNull(message = "Choose an exercise") Long exerciseId,
            @Min(value = 1, message = "Sets: 1 to " + MAX_SETS) @Max(value = MAX_SETS, message = "Sets: 1 to " + MAX_SETS) int sets,
            @Min(value = 1, message = "Reps: 1 to " + MAX_REPS) @Max(value = MAX_REPS, message = "Reps: 1 to " + MAX_REPS) int reps,
            @Min(value = 0, message = "Hold: 0 to " + MAX_HOLD_SECONDS + " s")
            @Max(value = MAX_HOLD_SECONDS, message = "Hold: 0 to " + MAX_HOLD_SECONDS + " s") int holdSeconds,
            @Min(value = 0, message = "Rest: 0 to " + MAX_REST_SECONDS + " s")
            @Max(value = MAX_REST_SECONDS, message = "Rest: 0 to " + MAX_REST_SECONDS + " s") int restSeconds,
            @Min(value = 1, message = "Times a day: 1 to " + MAX_TIMES_PER_DAY)
            @Max(value = MAX_TIMES_PER_DAY, message = "Times a day: 1 to " + MAX_TIMES_PER_DAY) int timesPerDay,
            @Min(value = 1, message = "Days a week: 1 to 7") @Max(value = 7, message = "Days a week: 1 to 7") int daysPerWeek,
            @NotNull(message = "Choose when") Timing timing,
            @Size(max = 60, message = "At most 60 characters") String sides,
            @Size(max = 300, message = "At most 300 characters") String progressionNote) {

        public ItemDraft {
            sides = blankToNull(sides);
            progressionNote = blankToNull(progressionNote);
        }

        public static ItemDraft fromDefaults(ExerciseInfo exercise) {
            var d = exercise.defaultDosage();
            return new ItemDraft(exercise.id(), d.sets(), d.reps(), d.holdSeconds(), d.restSeconds(), d.timesPerDay(),
                    d.daysPerWeek(), d.timing(), d.sides(), null);
        }
    }

    /** A prescribed item as the patient and physio read it. */
    public record PlanItem(int order, ExerciseInfo exercise, ItemDraft dose) {

        /** "3 x 10 s hold, 10 s rest, both legs". */
        public String amountInWords() {
            return DosageWords.amount(exercise.category(), dose);
        }

        /** "Every night before bed", "3 days a week, in the morning". */
        public String frequencyInWords() {
            return DosageWords.frequency(dose);
        }
    }

    public record PlanVersionView(int number, String reason, String authorName, Instant createdAt,
            LocalDate effectiveFrom, List<PlanItem> items, List<String> changes) {

        public List<ItemDraft> drafts() {
            return items.stream().map(PlanItem::dose).toList();
        }
    }

    public record TodayItem(PlanItem item, boolean done, Integer effort, int doneThisWeek) {
    }

    public record TodayPlan(LocalDate day, int versionNumber, List<TodayItem> tonight, List<TodayItem> daytime,
            WeekAdherence thisWeek) {
    }

    /** done / prescribed for one week (Monday start); prescribed may be fractional for part-weeks. */
    public record WeekAdherence(LocalDate weekStart, double prescribed, double done) {

        /** Whole percent, or null when nothing was prescribed that week. */
        public Integer percent() {
            return prescribed <= 0 ? null : (int) Math.round(100 * done / prescribed);
        }
    }

    /** One night: how many of that night's bedtime stretches were prescribed and done. */
    public record NightStretch(LocalDate night, int prescribed, int done) {

        public boolean allDone() {
            return done >= prescribed;
        }
    }

    /** A past day's tick, for recording history (the demo seeder). */
    public record Tick(long exerciseId, LocalDate day, Integer effort) {
    }

    /** Someone else saved a new version since this editor loaded the plan. */
    public static class PlanChangedException extends RuntimeException {
        public PlanChangedException() {
            super("The plan was changed by someone else while you were editing. Reload to see the new version, "
                    + "then make your change again.");
        }
    }

    private static final String TEMPLATE_NOTE = "Nightly for 6 weeks, then review with your physio";

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final PrescribedItemRepository items;
    private final AdherenceRecordRepository adherence;
    private final ExerciseService exercises;
    private final PatientAccess access;
    private final AuditService audit;
    private final Validator validator;
    private final Clock clock;
    private final ZoneId clinicZone;

    PlanService(PlanRepository plans, PlanVersionRepository versions, PrescribedItemRepository items,
            AdherenceRecordRepository adherence, ExerciseService exercises, PatientAccess access, AuditService audit,
            Validator validator, Clock clock, Clinic clinic) {
        this.plans = plans;
        this.versions = versions;
        this.items = items;
        this.adherence = adherence;
        this.exercises = exercises;
        this.access = access;
        this.audit = audit;
        this.validator = validator;
        this.clock = clock;
        this.clinicZone = clinic.zone();
    }

    /** The portal's "today" in the clinic's zone (a tick shortly after midnight counts for the evening before). */
    public LocalDate currentDay() {
        return clock.instant().atZone(clinicZone).minus(DAY_STARTS_AFTER_MIDNIGHT).toLocalDate();
    }

    /** The stretching trial's reference dose: calf and hamstring stretch before bed, 3 x 10 s hold, 10 s rest, nightly for 6 weeks. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ItemDraft> trialTemplate() {
        return List.of(template(exercises.byCode("wall-calf-stretch")),
                template(exercises.byCode("seated-hamstring-stretch")));
    }

    private static ItemDraft template(ExerciseInfo exercise) {
        return new ItemDraft(exercise.id(), 3, 1, 10, 10, 1, 7, Timing.BEFORE_BED, "both legs", TEMPLATE_NOTE);
    }

    /** What changed from one list of items to the next, in words, for the editor's preview and the history. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> describeChanges(List<ItemDraft> before, List<ItemDraft> after) {
        return PlanDiff.describe(before, after, exercises.libraryById());
    }

    @Transactional(readOnly = true)
    public Optional<PlanVersionView> currentPlan(long patientId) {
        access.check(patientId);
        List<PlanVersionView> all = loadViews(patientId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every version, newest first, each with what changed from the one before. */
    @Transactional(readOnly = true)
    public List<PlanVersionView> history(long patientId) {
        access.check(patientId);
        return loadViews(patientId).reversed();
    }

    /** A physio's change, in force from today. {@code basedOnVersion} is the version the editor showed (null for none). */
    @Transactional
    public int createVersion(long patientId, Integer basedOnVersion, List<ItemDraft> newItems, String reason) {
        return createVersionEffectiveFrom(patientId, basedOnVersion, newItems, reason, currentDay());
    }

    /**
     * As {@link #createVersion}, in force from a past day (recording a change made on paper, or the demo
     * history). Same checks: only the assigned physio.
     */
    @Transactional
    public int createVersionEffectiveFrom(long patientId, Integer basedOnVersion, List<ItemDraft> newItems,
            String reason, LocalDate effectiveFrom) {
        PortalUser physio = access.checkAs(patientId, Role.PHYSIO, "change the plan");
        String cleanReason = blankToNull(reason);
        if (cleanReason == null) {
            throw new IllegalArgumentException("Give a reason for the change");
        }
        if (cleanReason.length() > MAX_REASON) {
            throw new IllegalArgumentException("Keep the reason under " + MAX_REASON + " characters");
        }
        validateItems(newItems);
        if (effectiveFrom.isAfter(currentDay())) {
            throw new IllegalArgumentException("A plan version starts today or earlier");
        }
        Plan plan = plans.findByPatientId(patientId).orElse(null);
        int current = plan == null ? 0 : plan.getCurrentVersion();
        if (!Objects.equals(basedOnVersion == null ? 0 : basedOnVersion, current)) {
            throw new PlanChangedException();
        }
        List<PlanVersion> previous = plan == null ? List.of() : versions.findByPlanIdOrderByVersionNumberAsc(plan.getId());
        if (!previous.isEmpty() && effectiveFrom.isBefore(previous.getLast().getEffectiveFrom())) {
            throw new IllegalArgumentException("A new version cannot start before the previous one");
        }
        List<ItemDraft> before = previous.isEmpty() ? List.of()
                : items.findByPlanVersionIdInOrderBySortOrderAsc(List.of(previous.getLast().getId())).stream()
                        .map(PrescribedItem::toDraft).toList();
        int number;
        try {
            if (plan == null) {
                plan = new Plan(patientId, clock.instant());
            }
            number = plan.advance();
            plan = plans.saveAndFlush(plan);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
            throw new PlanChangedException();
        }
        PlanVersion version = versions.save(new PlanVersion(plan.getId(), number, cleanReason, physio.id(),
                physio.displayName(), clock.instant(), effectiveFrom));
        List<PrescribedItem> rows = new ArrayList<>();
        for (int i = 0; i < newItems.size(); i++) {
            rows.add(new PrescribedItem(version.getId(), i + 1, newItems.get(i)));
        }
        items.saveAll(rows);
        List<String> changes = PlanDiff.describe(before, newItems, exercises.libraryById());
        audit.record(AuditAction.PLAN_VERSION_CREATED, patientId, "version " + number + " from " + effectiveFrom
                + ", reason: " + cleanReason + "; " + String.join("; ", changes));
        return number;
    }

    /** What is due on the current day, whether each is ticked, and this week's adherence. Empty without a plan. */
    @Transactional(readOnly = true)
    public Optional<TodayPlan> today(long patientId) {
        access.check(patientId);
        Optional<Loaded> loaded = load(patientId);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = currentDay();
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        List<VersionSpan> spans = loaded.get().spans(library);
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
        PlanVersion version = loaded.get().version(active.get().number());
        List<TodayItem> tonight = new ArrayList<>();
        List<TodayItem> daytime = new ArrayList<>();
        for (PlanItem item : loaded.get().planItems(version, library)) {
            AdherenceRecord record = todays.get(item.exercise().id());
            TodayItem entry = new TodayItem(item, record != null, record == null ? null : record.getEffort(),
                    weekCounts.getOrDefault(item.exercise().id(), 0L).intValue());
            (item.dose().timing() == Timing.BEFORE_BED ? tonight : daytime).add(entry);
        }
        WeekAdherence thisWeek = AdherenceCalculator.week(spans, done(week), weekStart, day);
        return Optional.of(new TodayPlan(day, version.getVersionNumber(), tonight, daytime, thisWeek));
    }

    /** The patient ticks an item for today. A second tap finds today's tick and adds nothing. */
    @Transactional
    public void markDone(long patientId, long exerciseId, Integer effort) {
        access.checkAs(patientId, Role.PATIENT, "tick exercises");
        validateEffort(effort);
        LocalDate day = currentDay();
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
        access.checkAs(patientId, Role.PATIENT, "tick exercises");
        LocalDate day = currentDay();
        adherence.findByPatientIdAndExerciseIdAndDoneDay(patientId, exerciseId, day).ifPresent(record -> {
            adherence.delete(record);
            audit.record(AuditAction.EXERCISE_UNDONE, patientId, name(exerciseId) + " tick removed for " + day);
        });
    }

    /** Effort or pain 0-10 for today's tick; null clears it. */
    @Transactional
    public void setEffort(long patientId, long exerciseId, Integer effort) {
        access.checkAs(patientId, Role.PATIENT, "record exercise effort");
        validateEffort(effort);
        LocalDate day = currentDay();
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
        Loaded loaded = load(patientId).orElseThrow(() -> new IllegalArgumentException("No plan yet"));
        List<VersionSpan> spans = loaded.spans(exercises.libraryById());
        LocalDate today = currentDay();
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
        access.check(patientId);
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
     * prescribed), for the caseload: five queries for the whole list instead of several per patient.
     */
    @Transactional(readOnly = true)
    public Map<Long, Integer> adherencePercents(Collection<Long> patientIds, LocalDate from, LocalDate to) {
        access.checkAll(patientIds);
        Map<Long, Integer> percents = new HashMap<>();
        if (patientIds.isEmpty()) {
            return percents;
        }
        LocalDate last = min(to, currentDay());
        LocalDate first = AdherenceCalculator.weekStart(from);
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        Map<Long, Long> patientByPlan = plans.findByPatientIdIn(patientIds).stream()
                .collect(Collectors.toMap(Plan::getId, Plan::getPatientId));
        Map<Long, List<PlanVersion>> versionsByPatient = new HashMap<>();
        List<PlanVersion> allVersions = patientByPlan.isEmpty() ? List.of()
                : versions.findByPlanIdInOrderByVersionNumberAsc(patientByPlan.keySet());
        allVersions.forEach(v -> versionsByPatient.computeIfAbsent(patientByPlan.get(v.getPlanId()),
                k -> new ArrayList<>()).add(v));
        Map<Long, List<PrescribedItem>> itemsByVersion = new LinkedHashMap<>();
        if (!allVersions.isEmpty()) {
            items.findByPlanVersionIdInOrderBySortOrderAsc(allVersions.stream().map(PlanVersion::getId).toList())
                    .forEach(i -> itemsByVersion.computeIfAbsent(i.getPlanVersionId(), k -> new ArrayList<>()).add(i));
        }
        Map<Long, Set<Done>> doneByPatient = new HashMap<>();
        for (Object[] row : adherence.findDoneOfPatientsBetween(patientIds, first, last)) {
            doneByPatient.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add(new Done((Long) row[1],
                    (LocalDate) row[2]));
        }
        for (Long patientId : patientIds) {
            List<VersionSpan> spans = new Loaded(versionsByPatient.getOrDefault(patientId, List.of()), itemsByVersion)
                    .spans(library);
            List<WeekAdherence> weeks = AdherenceCalculator.weeks(spans,
                    doneByPatient.getOrDefault(patientId, Set.of()), first, to, last);
            double prescribed = weeks.stream().mapToDouble(WeekAdherence::prescribed).sum();
            double done = weeks.stream().mapToDouble(WeekAdherence::done).sum();
            percents.put(patientId, prescribed <= 0 ? null : (int) Math.round(100 * done / prescribed));
        }
        return percents;
    }

    /** Weekly adherence from {@code weeksFrom} and bedtime-stretch nights from {@code nightsFrom}, to {@code to}. */
    public record AdherenceHistory(List<WeekAdherence> weeks, List<NightStretch> bedtimeNights) {
    }

    /** What the progress page needs of the plan, from one read of the plan and one of the ticks. */
    @Transactional(readOnly = true)
    public AdherenceHistory adherenceHistory(long patientId, LocalDate weeksFrom, LocalDate nightsFrom, LocalDate to) {
        access.check(patientId);
        LocalDate last = min(to, currentDay());
        LocalDate firstWeek = AdherenceCalculator.weekStart(weeksFrom);
        LocalDate first = nightsFrom != null && nightsFrom.isBefore(firstWeek) ? nightsFrom : firstWeek;
        List<VersionSpan> spans = load(patientId).map(l -> l.spans(exercises.libraryById())).orElse(List.of());
        Set<Done> done = new HashSet<>();
        for (Object[] row : adherence.findDoneOfPatientsBetween(List.of(patientId), first, last)) {
            done.add(new Done((Long) row[1], (LocalDate) row[2]));
        }
        List<NightStretch> nights = nightsFrom == null || nightsFrom.isAfter(last) ? List.of()
                : AdherenceCalculator.bedtimeStretches(spans, done, nightsFrom, last);
        return new AdherenceHistory(AdherenceCalculator.weeks(spans, done, firstWeek, to, last), nights);
    }

    /** Per night in the range: were all that night's bedtime stretches done? For "does stretching help me". */
    @Transactional(readOnly = true)
    public List<NightStretch> bedtimeStretchNights(long patientId, LocalDate from, LocalDate to) {
        return adherenceHistory(patientId, from, from, to).bedtimeNights();
    }

    private void validateItems(List<ItemDraft> newItems) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one exercise");
        }
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        Set<Long> seen = new HashSet<>();
        for (ItemDraft item : newItems) {
            var violations = validator.validate(item);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            if (!library.containsKey(item.exerciseId())) {
                throw new IllegalArgumentException("Unknown exercise");
            }
            if (!seen.add(item.exerciseId())) {
                throw new IllegalArgumentException(library.get(item.exerciseId()).name() + " is in the plan twice");
            }
        }
    }

    private static void validateEffort(Integer effort) {
        if (effort != null && (effort < 0 || effort > MAX_EFFORT)) {
            throw new IllegalArgumentException("Effort or pain: 0 to " + MAX_EFFORT);
        }
    }

    private VersionSpan versionPrescribing(long patientId, long exerciseId, LocalDate day) {
        return load(patientId).map(l -> l.spans(exercises.libraryById()))
                .flatMap(spans -> AdherenceCalculator.activeOn(spans, day))
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private List<PlanVersionView> loadViews(long patientId) {
        Optional<Loaded> loaded = load(patientId);
        if (loaded.isEmpty()) {
            return List.of();
        }
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        List<PlanVersionView> views = new ArrayList<>();
        List<ItemDraft> before = List.of();
        for (PlanVersion version : loaded.get().versions()) {
            List<PlanItem> planItems = loaded.get().planItems(version, library);
            List<ItemDraft> after = planItems.stream().map(PlanItem::dose).toList();
            views.add(new PlanVersionView(version.getVersionNumber(), version.getReason(), version.getAuthorName(),
                    version.getCreatedAt(), version.getEffectiveFrom(), planItems,
                    PlanDiff.describe(before, after, library)));
            before = after;
        }
        return views;
    }

    private Optional<Loaded> load(long patientId) {
        return plans.findByPatientId(patientId).map(plan -> {
            List<PlanVersion> all = versions.findByPlanIdOrderByVersionNumberAsc(plan.getId());
            Map<Long, List<PrescribedItem>> byVersion = new LinkedHashMap<>();
            for (PrescribedItem item : items.findByPlanVersionIdInOrderBySortOrderAsc(
                    all.stream().map(PlanVersion::getId).toList())) {
                byVersion.computeIfAbsent(item.getPlanVersionId(), k -> new ArrayList<>()).add(item);
            }
            return new Loaded(all, byVersion);
        });
    }

    private record Loaded(List<PlanVersion> versions, Map<Long, List<PrescribedItem>> items) {

        List<ItemDraft> drafts(PlanVersion version) {
            return items.getOrDefault(version.getId(), List.of()).stream().map(PrescribedItem::toDraft).toList();
        }

        List<PlanItem> planItems(PlanVersion version, Map<Long, ExerciseInfo> library) {
            List<ItemDraft> drafts = drafts(version);
            List<PlanItem> result = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                result.add(new PlanItem(i + 1, library.get(drafts.get(i).exerciseId()), drafts.get(i)));
            }
            return result;
        }

        PlanVersion version(int number) {
            return versions.stream().filter(v -> v.getVersionNumber() == number).findFirst().orElseThrow();
        }

        List<VersionSpan> spans(Map<Long, ExerciseInfo> library) {
            return versions.stream().map(v -> new VersionSpan(v.getId(), v.getVersionNumber(), v.getEffectiveFrom(),
                    drafts(v).stream().map(d -> new ItemSpec(d.exerciseId(), d.daysPerWeek(), d.timing(),
                            categoryOf(library, d.exerciseId()))).toList())).toList();
        }

        private static Category categoryOf(Map<Long, ExerciseInfo> library, long exerciseId) {
            ExerciseInfo exercise = library.get(exerciseId);
            return exercise == null ? Category.STRETCH : exercise.category();
        }
    }
}
