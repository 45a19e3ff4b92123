package app.physioportal.plan;

import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.Category;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.plan.AdherenceCalculator.ItemSpec;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's plan for the two services that use it, authoring and adherence, and says what day it is for
 * the plan. Callers check access to the patient first.
 */
@Component
class PlanStore {

    /** A tick at 1 a.m. belongs to the evening before: the portal's day starts at 4 a.m. in the clinic's zone. */
    static final Duration DAY_STARTS_AFTER_MIDNIGHT = Duration.ofHours(4);

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final PrescribedItemRepository items;
    private final ExerciseService exercises;
    private final Clock clock;
    private final ZoneId clinicZone;

    PlanStore(PlanRepository plans, PlanVersionRepository versions, PrescribedItemRepository items,
            ExerciseService exercises, Clock clock, Clinic clinic) {
        this.plans = plans;
        this.versions = versions;
        this.items = items;
        this.exercises = exercises;
        this.clock = clock;
        this.clinicZone = clinic.zone();
    }

    /** The portal's "today" in the clinic's zone (a tick shortly after midnight counts for the evening before). */
    LocalDate currentDay() {
        return clock.instant().atZone(clinicZone).minus(DAY_STARTS_AFTER_MIDNIGHT).toLocalDate();
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

    /** The plan's versions and their items; empty without a plan. */
    Optional<Loaded> load(long patientId) {
        return Optional.ofNullable(loadAll(List.of(patientId)).get(patientId));
    }

    /**
     * The plans of many patients in three queries (plans, versions, items) whatever their number, for overviews
     * such as the caseload. Patients without a plan are absent.
     */
    Map<Long, Loaded> loadAll(Collection<Long> patientIds) {
        Map<Long, Long> patientByPlan = plans.findByPatientIdIn(patientIds).stream()
                .collect(Collectors.toMap(Plan::getId, Plan::getPatientId));
        if (patientByPlan.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<PlanVersion>> versionsByPatient = new HashMap<>();
        patientByPlan.values().forEach(patient -> versionsByPatient.put(patient, new ArrayList<>()));
        List<PlanVersion> allVersions = versions.findByPlanIdInOrderByVersionNumberAsc(patientByPlan.keySet());
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
