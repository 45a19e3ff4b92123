package app.physioportal.plan;

import app.physioportal.clinic.Clinic;
import app.physioportal.exercise.Category;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.exercise.ExerciseService.ExerciseInfo;
import app.physioportal.exercise.Timing;
import app.physioportal.plan.AdherenceCalculator.Done;
import app.physioportal.plan.AdherenceCalculator.ItemSpec;
import app.physioportal.plan.AdherenceCalculator.VersionSpan;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's plan and ticks for the two services that use them, authoring and adherence, and says what day
 * it is for the plan. Reads are plain SQL into records (versions and items are immutable, so nothing needs managing):
 * one statement for a plan, one for the plans of a whole caseload, one for ticks. Writes stay with the entities.
 * Callers check access to the patient first.
 */
@Component
class PlanStore {

    /** A tick at 1 a.m. belongs to the evening before: the portal's day starts at 4 a.m. in the clinic's zone. */
    static final Duration DAY_STARTS_AFTER_MIDNIGHT = Duration.ofHours(4);

    private final NamedParameterJdbcTemplate jdbc;
    private final ExerciseService exercises;
    private final Clock clock;
    private final ZoneId clinicZone;
    /**
     * Each exercise's category, which the adherence figures need per item. The library changes only with a migration
     * and a restart ({@link ExerciseService} reads it once too), so it is asked for once here instead of on every
     * plan read: each call through the service's checks cost as much as the plan's own query.
     */
    private volatile @Nullable Map<Long, Category> categories;

    PlanStore(NamedParameterJdbcTemplate jdbc, ExerciseService exercises, Clock clock, Clinic clinic) {
        this.jdbc = jdbc;
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
        for (VersionRow version : loaded.get().versions()) {
            List<ItemDraft> after = version.items();
            views.add(new PlanVersionView(version.number(), version.reason(), version.authorName(),
                    version.createdAt(), version.effectiveFrom(), Loaded.planItems(version, library),
                    PlanDiff.describe(before, after, library), version.answersMessageId()));
            before = after;
        }
        return views;
    }

    /**
     * The plan's versions with everything they say (reason, author, items with their doses), in one statement;
     * empty without a plan.
     */
    Optional<Loaded> load(long patientId) {
        List<VersionRow> versions = new ArrayList<>();
        jdbc.query("""
                select v.id, v.version_number, v.reason, v.author_name, v.created_at, v.effective_from,
                       v.answers_message_id, i.exercise_id, i.sets, i.reps, i.hold_seconds, i.rest_seconds,
                       i.times_per_day, i.days_per_week, i.timing, i.sides, i.progression_note
                from plan p
                join plan_version v on v.plan_id = p.id
                left join prescribed_item i on i.plan_version_id = v.id
                where p.patient_id = :patient
                order by v.version_number, i.sort_order""", new MapSqlParameterSource("patient", patientId), row -> {
            long id = row.getLong("id");
            if (versions.isEmpty() || versions.getLast().id() != id) {
                // Instants are stored as UTC wall-clock times (hibernate.jdbc.time_zone=UTC), whatever the JVM's zone.
                versions.add(new VersionRow(id, row.getInt("version_number"), row.getString("reason"),
                        row.getString("author_name"),
                        row.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        row.getObject("effective_from", LocalDate.class), nullableLong(row, "answers_message_id"),
                        new ArrayList<>()));
            }
            long exerciseId = row.getLong("exercise_id");
            if (!row.wasNull()) {
                versions.getLast().items().add(new ItemDraft(exerciseId, row.getInt("sets"), row.getInt("reps"),
                        row.getInt("hold_seconds"), row.getInt("rest_seconds"), row.getInt("times_per_day"),
                        row.getInt("days_per_week"), Timing.valueOf(row.getString("timing")), row.getString("sides"),
                        row.getString("progression_note")));
            }
        });
        return versions.isEmpty() ? Optional.empty() : Optional.of(new Loaded(versions));
    }

    /**
     * What adherence needs of the plans of many patients: each version's number and first day, and per item the
     * exercise, days a week and timing. One statement whatever the number of patients; patients without a plan
     * are absent.
     */
    Map<Long, List<VersionSpan>> spans(Collection<Long> patientIds) {
        Map<Long, List<VersionSpan>> spans = new HashMap<>();
        if (patientIds.isEmpty()) {
            return spans;
        }
        Map<Long, Category> categories = categories();
        Map<Long, List<ItemSpec>> itemsOf = new HashMap<>();
        jdbc.query("""
                select p.patient_id, v.id, v.version_number, v.effective_from, i.exercise_id, i.days_per_week, i.timing
                from plan p
                join plan_version v on v.plan_id = p.id
                left join prescribed_item i on i.plan_version_id = v.id
                where p.patient_id in (:ids)
                order by p.patient_id, v.version_number, i.sort_order""", new MapSqlParameterSource("ids", patientIds),
                row -> {
                    long versionId = row.getLong("id");
                    List<ItemSpec> items = itemsOf.get(versionId);
                    if (items == null) {
                        items = new ArrayList<>();
                        itemsOf.put(versionId, items);
                        spans.computeIfAbsent(row.getLong("patient_id"), k -> new ArrayList<>()).add(new VersionSpan(
                                versionId, row.getInt("version_number"), row.getObject("effective_from", LocalDate.class),
                                items));
                    }
                    long exerciseId = row.getLong("exercise_id");
                    if (!row.wasNull()) {
                        items.add(spec(categories, exerciseId, row.getInt("days_per_week"),
                                Timing.valueOf(row.getString("timing"))));
                    }
                });
        return spans;
    }

    /** The ticks of many patients from {@code from} to {@code to}: only the exercise and the day, per patient. */
    Map<Long, Set<Done>> done(Collection<Long> patientIds, LocalDate from, LocalDate to) {
        Map<Long, Set<Done>> done = new HashMap<>();
        if (patientIds.isEmpty() || from.isAfter(to)) {
            return done;
        }
        // Served by ix_adherence_patient_day (patient_id, done_day, exercise_id) alone.
        jdbc.query("""
                select patient_id, exercise_id, done_day from adherence_record
                where patient_id in (:ids) and done_day between :from and :to""",
                new MapSqlParameterSource("ids", patientIds).addValue("from", from).addValue("to", to),
                row -> {
                    done.computeIfAbsent(row.getLong(1), k -> new HashSet<>())
                            .add(new Done(row.getLong(2), row.getObject(3, LocalDate.class)));
                });
        return done;
    }

    private Map<Long, Category> categories() {
        Map<Long, Category> known = categories;
        if (known == null) {
            known = exercises.library().stream()
                    .collect(Collectors.toUnmodifiableMap(ExerciseInfo::id, ExerciseInfo::category));
            categories = known;
        }
        return known;
    }

    /** A plan already loaded in full, as the adherence figures read it. */
    List<VersionSpan> spans(Loaded loaded) {
        Map<Long, Category> categories = categories();
        return loaded.versions().stream().map(v -> new VersionSpan(v.id(), v.number(), v.effectiveFrom(),
                v.items().stream().map(d -> spec(categories, d.exerciseId(), d.daysPerWeek(), d.timing())).toList()))
                .toList();
    }

    /** One item as the figures count it; an exercise no longer in the library counts as a stretch. */
    private static ItemSpec spec(Map<Long, Category> categories, long exerciseId, int daysPerWeek, Timing timing) {
        return new ItemSpec(exerciseId, daysPerWeek, timing, categories.getOrDefault(exerciseId, Category.STRETCH));
    }

    private static @Nullable Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** One version as written: its number, reason, author, first day and items in order. */
    record VersionRow(long id, int number, String reason, String authorName, Instant createdAt,
            LocalDate effectiveFrom, @Nullable Long answersMessageId, List<ItemDraft> items) {
    }

    /** A plan's versions, oldest first. */
    record Loaded(List<VersionRow> versions) {

        static List<PlanItem> planItems(VersionRow version, Map<Long, ExerciseInfo> library) {
            List<PlanItem> result = new ArrayList<>();
            for (int i = 0; i < version.items().size(); i++) {
                ItemDraft draft = version.items().get(i);
                result.add(new PlanItem(i + 1, library.get(draft.exerciseId()), draft));
            }
            return result;
        }

        VersionRow version(int number) {
            return versions.stream().filter(v -> v.number() == number).findFirst().orElseThrow();
        }

    }
}
