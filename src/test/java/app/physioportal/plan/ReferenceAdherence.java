package app.physioportal.plan;

import app.physioportal.exercise.Category;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.AdherenceCalculator.Done;
import app.physioportal.plan.AdherenceCalculator.ItemSpec;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans and adherence as {@code PlanStore} and {@code AdherenceService} read them before plans were read as records
 * (issue 18): the plan, its versions and their items loaded as managed entities in three queries, the ticks as a JPQL
 * tuple query, and the figures from {@link AdherenceCalculator} (whose arithmetic did not change). Kept as the
 * reference {@code AdherenceEquivalenceTest} compares the new reads with. The two repository queries that only the
 * old read used are spelled here as the JPQL Spring Data derived from their names ({@code findByPatientIdIn},
 * {@code findByPlanIdInOrderByVersionNumberAsc}); the rest is the old code as it was. Access checks are the
 * services' business and are left out: callers compare as a user who may read the patient.
 */
class ReferenceAdherence {

    private final EntityManager entities;
    private final PrescribedItemRepository items;
    private final AdherenceRecordRepository adherence;
    private final ExerciseService exercises;
    private final PlanStore store;

    ReferenceAdherence(EntityManager entities, PrescribedItemRepository items, AdherenceRecordRepository adherence,
            ExerciseService exercises, PlanStore store) {
        this.entities = entities;
        this.items = items;
        this.adherence = adherence;
        this.exercises = exercises;
        this.store = store;
    }

    // --- PlanService.history, PlanService.currentPlan (through PlanStore.loadViews) -----------------------

    List<PlanVersionView> history(long patientId) {
        return loadViews(patientId).reversed();
    }

    /** Every version in order, each with what changed from the one before. */
    List<PlanVersionView> loadViews(long patientId) {
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
                    PlanDiff.describe(before, after, library), version.getAnswersMessageId()));
            before = after;
        }
        return views;
    }

    // --- AdherenceService -----------------------------------------------------------------------------------

    /** What is due on the current day, whether each is ticked, and this week's adherence. Empty without a plan. */
    Optional<TodayPlan> today(long patientId) {
        Optional<Loaded> loaded = load(patientId);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = store.currentDay();
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

    /** One entry per week from the week holding {@code from} to the week holding {@code to}, for the charts. */
    List<WeekAdherence> weeklyAdherence(long patientId, LocalDate from, LocalDate to) {
        return adherenceHistory(patientId, from, null, to).weeks();
    }

    /** Adherence of many patients over the same days, as one whole percent each (null: nothing prescribed). */
    Map<Long, Integer> adherencePercents(Collection<Long> patientIds, LocalDate from, LocalDate to) {
        Map<Long, Integer> percents = new HashMap<>();
        if (patientIds.isEmpty()) {
            return percents;
        }
        LocalDate last = min(to, store.currentDay());
        LocalDate first = AdherenceCalculator.weekStart(from);
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        Map<Long, Loaded> plansOf = loadAll(patientIds);
        Map<Long, Set<Done>> doneByPatient = new HashMap<>();
        for (Object[] row : findDoneOfPatientsBetween(patientIds, first, last)) {
            doneByPatient.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add(new Done((Long) row[1],
                    (LocalDate) row[2]));
        }
        for (Long patientId : patientIds) {
            Loaded plan = plansOf.get(patientId);
            List<VersionSpan> spans = plan == null ? List.of() : plan.spans(library);
            List<WeekAdherence> weeks = AdherenceCalculator.weeks(spans,
                    doneByPatient.getOrDefault(patientId, Set.of()), first, to, last);
            double prescribed = weeks.stream().mapToDouble(WeekAdherence::prescribed).sum();
            double done = weeks.stream().mapToDouble(WeekAdherence::done).sum();
            percents.put(patientId, prescribed <= 0 ? null : (int) Math.round(100 * done / prescribed));
        }
        return percents;
    }

    /** What the progress page needs of the plan, from one read of the plan and one of the ticks. */
    AdherenceHistory adherenceHistory(long patientId, LocalDate weeksFrom, LocalDate nightsFrom, LocalDate to) {
        LocalDate last = min(to, store.currentDay());
        LocalDate firstWeek = AdherenceCalculator.weekStart(weeksFrom);
        LocalDate first = nightsFrom != null && nightsFrom.isBefore(firstWeek) ? nightsFrom : firstWeek;
        List<VersionSpan> spans = load(patientId).map(l -> l.spans(exercises.libraryById())).orElse(List.of());
        Set<Done> done = new HashSet<>();
        for (Object[] row : findDoneOfPatientsBetween(List.of(patientId), first, last)) {
            done.add(new Done((Long) row[1], (LocalDate) row[2]));
        }
        List<NightStretch> nights = nightsFrom == null || nightsFrom.isAfter(last) ? List.of()
                : AdherenceCalculator.bedtimeStretches(spans, done, nightsFrom, last);
        return new AdherenceHistory(AdherenceCalculator.weeks(spans, done, firstWeek, to, last), nights);
    }

    private static Set<Done> done(List<AdherenceRecord> records) {
        return records.stream().map(r -> new Done(r.getExerciseId(), r.getDoneDay()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Patient id, exercise id and day of each tick (AdherenceRecordRepository.findDoneOfPatientsBetween). */
    private List<Object[]> findDoneOfPatientsBetween(Collection<Long> patientIds, LocalDate from, LocalDate to) {
        return entities.createQuery("select a.patientId, a.exerciseId, a.doneDay from AdherenceRecord a"
                + " where a.patientId in :patientIds and a.doneDay between :from and :to", Object[].class)
                .setParameter("patientIds", patientIds).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    // --- PlanStore.load and loadAll -------------------------------------------------------------------------

    /** The plan's versions and their items; empty without a plan. */
    Optional<Loaded> load(long patientId) {
        return Optional.ofNullable(loadAll(List.of(patientId)).get(patientId));
    }

    /** The plans of many patients in three queries (plans, versions, items) whatever their number. */
    Map<Long, Loaded> loadAll(Collection<Long> patientIds) {
        Map<Long, Long> patientByPlan = entities.createQuery(
                        "select p from Plan p where p.patientId in :patientIds", Plan.class)
                .setParameter("patientIds", patientIds).getResultList().stream()
                .collect(Collectors.toMap(Plan::getId, Plan::getPatientId));
        if (patientByPlan.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<PlanVersion>> versionsByPatient = new HashMap<>();
        patientByPlan.values().forEach(patient -> versionsByPatient.put(patient, new ArrayList<>()));
        List<PlanVersion> allVersions = entities.createQuery(
                        "select v from PlanVersion v where v.planId in :planIds order by v.versionNumber asc",
                        PlanVersion.class)
                .setParameter("planIds", patientByPlan.keySet()).getResultList();
        allVersions.forEach(v -> versionsByPatient.get(patientByPlan.get(v.getPlanId())).add(v));
        Map<Long, List<PrescribedItem>> itemsByVersion = new LinkedHashMap<>();
        if (!allVersions.isEmpty()) {
            items.findByPlanVersionIdInOrderBySortOrderAsc(allVersions.stream().map(PlanVersion::getId).toList())
                    .forEach(i -> itemsByVersion.computeIfAbsent(i.getPlanVersionId(), k -> new ArrayList<>()).add(i));
        }
        Map<Long, Loaded> loaded = new HashMap<>();
        versionsByPatient.forEach((patient, list) -> loaded.put(patient, new Loaded(list, itemsByVersion)));
        return loaded;
    }

    record Loaded(List<PlanVersion> versions, Map<Long, List<PrescribedItem>> items) {

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
