package app.physioportal.plan;

import jakarta.validation.Valid;
import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Plan authoring: the versions the assigned physio writes (with the reason and what changed), the trial's
 * template, and reading the current plan and its history. The patient's day and adherence are
 * {@link AdherenceService}'s. Every method that touches a patient's plan checks {@link PatientAccess} first.
 */
@Service
@Validated
public class PlanService {

    public static final int MAX_SETS = 10;
    public static final int MAX_REPS = 50;
    public static final int MAX_HOLD_SECONDS = 120;
    public static final int MAX_REST_SECONDS = 300;
    public static final int MAX_TIMES_PER_DAY = 5;
    public static final int MAX_EFFORT = 10;
    public static final int MAX_REASON = 500;

    private static final String TEMPLATE_NOTE = "Nightly for 6 weeks, then review with your physio";

    private final PlanRepository plans;
    private final PlanVersionRepository versions;
    private final PrescribedItemRepository items;
    private final PlanStore store;
    private final ExerciseService exercises;
    private final PatientAccess access;
    private final AuditService audit;
    private final Clock clock;
    private final ObjectProvider<MessageReference> messageReference;

    PlanService(PlanRepository plans, PlanVersionRepository versions, PrescribedItemRepository items, PlanStore store,
            ExerciseService exercises, PatientAccess access, AuditService audit, Clock clock,
            ObjectProvider<MessageReference> messageReference) {
        this.messageReference = messageReference;
        this.plans = plans;
        this.versions = versions;
        this.items = items;
        this.store = store;
        this.exercises = exercises;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The portal's "today" in the clinic's zone (a tick shortly after midnight counts for the evening before). */
    public LocalDate currentDay() {
        return store.currentDay();
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
        access.checkWithHelpers(patientId);
        List<PlanVersionView> all = store.loadViews(patientId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** Every version, newest first, each with what changed from the one before. */
    @Transactional(readOnly = true)
    public List<PlanVersionView> history(long patientId) {
        access.checkWithHelpers(patientId);
        return store.loadViews(patientId).reversed();
    }

    /** A physio's change, in force from today. {@code basedOnVersion} is the version the editor showed (null for none). */
    @Transactional
    public int createVersion(long patientId, Integer basedOnVersion, List<@Valid ItemDraft> newItems, String reason) {
        return createVersionEffectiveFrom(patientId, basedOnVersion, newItems, reason, currentDay());
    }

    /**
     * As {@link #createVersion}, made in answer to one of the patient's messages: the version links back to it.
     * The message must be in this patient's conversation.
     */
    @Transactional
    public int createVersionAnswering(long patientId, Integer basedOnVersion, List<@Valid ItemDraft> newItems,
            String reason, long messageId) {
        access.checkAs(patientId, Role.PHYSIO, "change the plan");
        MessageReference messages = messageReference.getIfAvailable();
        if (messages == null || !messages.isInConversationOf(messageId, patientId)) {
            audit.record(AuditAction.ACCESS_DENIED, patientId, "plan change answering message " + messageId
                    + " of another conversation");
            throw new IllegalArgumentException("That message is not in this patient's conversation");
        }
        return create(patientId, basedOnVersion, newItems, reason, currentDay(), messageId);
    }

    /**
     * As {@link #createVersion}, in force from a past day (recording a change made on paper, or the demo
     * history). Same checks: only the assigned physio.
     */
    @Transactional
    public int createVersionEffectiveFrom(long patientId, Integer basedOnVersion, List<@Valid ItemDraft> newItems,
            String reason, LocalDate effectiveFrom) {
        return create(patientId, basedOnVersion, newItems, reason, effectiveFrom, null);
    }

    private int create(long patientId, Integer basedOnVersion, List<ItemDraft> newItems, String reason,
            LocalDate effectiveFrom, Long answersMessageId) {
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
                physio.displayName(), clock.instant(), effectiveFrom).answering(answersMessageId));
        List<PrescribedItem> rows = new ArrayList<>();
        for (int i = 0; i < newItems.size(); i++) {
            rows.add(new PrescribedItem(version.getId(), i + 1, newItems.get(i)));
        }
        items.saveAll(rows);
        List<String> changes = PlanDiff.forAudit(before, newItems, exercises.libraryById());
        // The reason is the physio's clinical text: it stays in the plan, the audit trail says that one was given.
        audit.record(AuditAction.PLAN_VERSION_CREATED, patientId, "version " + number + " from " + effectiveFrom
                + ", reason given" + (answersMessageId == null ? "" : " in answer to message " + answersMessageId) + "; "
                + String.join("; ", changes));
        return number;
    }

    private void validateItems(List<ItemDraft> newItems) {
        if (newItems == null || newItems.isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one exercise");
        }
        Map<Long, ExerciseInfo> library = exercises.libraryById();
        Set<Long> seen = new HashSet<>();
        for (ItemDraft item : newItems) {
            if (!library.containsKey(item.exerciseId())) {
                throw new IllegalArgumentException("Unknown exercise");
            }
            if (!seen.add(item.exerciseId())) {
                throw new IllegalArgumentException(library.get(item.exerciseId()).name() + " is in the plan twice");
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
