package app.physioportal.diary;

import jakarta.validation.Valid;
import app.physioportal.audit.AuditAction;
import app.physioportal.audit.AuditService;
import app.physioportal.base.InvalidInput;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.DiaryTotals.NightTotal;
import app.physioportal.security.Directory;
import app.physioportal.security.PatientAccess;
import app.physioportal.security.PortalUser;
import app.physioportal.security.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The cramp diary: cramps and morning check-ins, the nights they make up, and the figures the clinic
 * measures outcomes with. The patient writes their own diary; their physio reads it and never writes it.
 * Every method checks {@link PatientAccess} before anything else.
 */
@Service
@Validated
public class DiaryService {

    /** A picker shows minutes, so "now" picked a moment ago may be a few seconds ahead of the clock. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(1);
    private static final int OLDEST_DAYS = 366;

    private final CrampEntryRepository cramps;
    private final NightCheckInRepository checkIns;
    private final PatientAccess access;
    private final AuditService audit;
    private final Nights nights;
    private final Clock clock;
    private final Clinic clinic;
    private final Directory directory;

    DiaryService(CrampEntryRepository cramps, NightCheckInRepository checkIns, PatientAccess access,
            AuditService audit, Nights nights, Clock clock, Clinic clinic, Directory directory) {
        this.directory = directory;
        this.cramps = cramps;
        this.checkIns = checkIns;
        this.access = access;
        this.audit = audit;
        this.nights = nights;
        this.clock = clock;
        this.clinic = clinic;
    }

    /**
     * Logs one cramp that will never be sent twice (an import, the demo history, a test); returns its id. Forms use
     * {@link #logCramp(long, UUID, CrampInput)}. A night checked in as cramp-free becomes a night with cramps.
     */
    @Transactional
    public long logCramp(long patientId, @Valid CrampInput input) {
        PortalUser user = requireOwnDiary(patientId);
        return log(user, patientId, null, input, validCramp(input));
    }

    /**
     * Logs one cramp under the save key of the form it comes from, and returns its id. The form keeps its key until
     * the person has seen the save confirmed, so Save pressed again after a timeout, or a request sent again, comes
     * with the same key: then nothing is saved twice and no second audit event is written; the entry already saved
     * under the key is returned, brought up to date first if the form was changed in between (audited as a
     * change). A key counts within one patient's diary only: another patient's entry with the same key is neither
     * found nor touched.
     */
    @Transactional
    public long logCramp(long patientId, UUID saveKey, @Valid CrampInput input) {
        PortalUser user = requireOwnDiary(patientId);
        Objects.requireNonNull(saveKey, "saveKey");
        LocalDate night = validCramp(input);
        Optional<CrampEntry> earlier = cramps.findByPatientIdAndSaveKey(patientId, saveKey.toString());
        if (earlier.isEmpty()) {
            return log(user, patientId, saveKey.toString(), input, night);
        }
        CrampEntry entry = earlier.get();
        CrampRecord saved = entry.toRecord();
        CrampRecord sentAgain = entry.withInput(input, night);
        if (!sameContent(saved, sentAgain)) {
            change(patientId, entry, input, night, "saved again from the same form with changes");
        }
        return entry.getId();
    }

    private long log(PortalUser user, long patientId, @Nullable String saveKey, CrampInput input, LocalDate night) {
        CrampEntry entry = new CrampEntry(patientId, input, night, clock.instant());
        entry.loggedBy(helperOrNull(user));
        entry.savedUnder(saveKey);
        CrampEntry saved = cramps.save(entry);
        String reopened = reopenCrampFreeNight(patientId, night);
        audit.record(AuditAction.CRAMP_LOGGED, patientId,
                "cramp " + saved.getId() + ": " + describe(saved.toRecord()) + reopened);
        return saved.getId();
    }

    @Transactional
    public void updateCramp(long patientId, long crampId, @Valid CrampInput input) {
        requireOwnDiary(patientId);
        LocalDate night = validCramp(input);
        change(patientId, ownEntry(patientId, crampId), input, night, null);
    }

    private void change(long patientId, CrampEntry entry, CrampInput input, LocalDate night, @Nullable String why) {
        CrampRecord before = entry.toRecord();
        entry.apply(input, night, clock.instant());
        String reopened = night.equals(before.night()) ? ""
                : reopenCrampFreeNight(patientId, night) + restoreAnswerIfEmpty(patientId, before.night());
        audit.record(AuditAction.CRAMP_UPDATED, patientId, "cramp " + entry.getId() + ": "
                + (why == null ? "" : why + ": ") + changes(before, entry.toRecord()) + reopened);
    }

    /** The same cramp, to the microsecond the database keeps of its time. */
    private static boolean sameContent(CrampRecord saved, CrampRecord sentAgain) {
        Map<String, Object> a = fields(saved);
        Map<String, Object> b = fields(sentAgain);
        a.put("time", saved.occurredAt().truncatedTo(ChronoUnit.MICROS));
        b.put("time", sentAgain.occurredAt().truncatedTo(ChronoUnit.MICROS));
        return a.equals(b);
    }

    @Transactional
    public void deleteCramp(long patientId, long crampId) {
        requireOwnDiary(patientId);
        CrampEntry entry = ownEntry(patientId, crampId);
        String what = describe(entry.toRecord());
        cramps.delete(entry);
        String restored = restoreAnswerIfEmpty(patientId, entry.getNightDate());
        audit.record(AuditAction.CRAMP_DELETED, patientId, "cramp " + crampId + " deleted: " + what + restored);
    }

    @Transactional(readOnly = true)
    public CrampRecord cramp(long patientId, long crampId) {
        readAccess(patientId, "cramp " + crampId);
        return ownEntry(patientId, crampId).toRecord();
    }

    /**
     * The morning check-in. Cramp-free is refused for a night that already has cramps logged (the
     * patient deletes them first if they were a mistake); otherwise the answer replaces an earlier one.
     */
    @Transactional
    public void checkIn(long patientId, @Valid CheckInInput input) {
        PortalUser user = requireOwnDiary(patientId);
        validCheckIn(patientId, input);
        Optional<NightCheckIn> earlier = checkIns.findByPatientIdAndNightDate(patientId, input.night());
        String before = earlier.map(c -> "was " + describe(c) + ", now ").orElse("");
        Long answeredBy = helperOrNull(user);
        if (earlier.isPresent() && earlier.get().sameAnswer(input.crampFree(), input.sleepDisturbance(), answeredBy)) {
            // The same answer again (a second tap, a request sent again): it stands once, audited once.
            return;
        }
        NightCheckIn checkIn = earlier.orElseGet(() -> new NightCheckIn(patientId, input.night(), clock.instant()));
        checkIn.answer(input.crampFree(), input.sleepDisturbance(), clock.instant());
        checkIn.answeredBy(answeredBy);
        checkIns.save(checkIn);
        audit.record(AuditAction.NIGHT_CHECKED_IN, patientId, before + describe(checkIn));
    }

    /**
     * Many cramps and check-ins in one go (an import, the demo history): the access check runs once, every
     * item is validated before anything is saved, and one audit event says what came in.
     */
    @Transactional
    public void recordHistory(long patientId, List<@Valid CrampInput> newCramps, List<@Valid CheckInInput> newCheckIns) {
        requireOwnDiary(patientId);
        Instant now = clock.instant();
        List<CrampEntry> entries = newCramps.stream()
                .map(input -> new CrampEntry(patientId, input, validCramp(input), now)).toList();
        var crampNights = entries.stream().map(CrampEntry::getNightDate).collect(Collectors.toSet());
        Map<LocalDate, NightCheckIn> existing = existingCheckIns(patientId, crampNights, newCheckIns);
        List<NightCheckIn> answers = new ArrayList<>();
        for (CheckInInput input : newCheckIns) {
            validCheckIn(patientId, input);
            if (input.crampFree() && crampNights.contains(input.night())) {
                throw new InvalidInput("night", "The night of " + clinic.weekdayYear(input.night())
                        + " has cramps, so it cannot be cramp-free.");
            }
            NightCheckIn checkIn = existing.computeIfAbsent(input.night(),
                    night -> new NightCheckIn(patientId, night, now));
            checkIn.answer(input.crampFree(), input.sleepDisturbance(), now);
            answers.add(checkIn);
        }
        cramps.saveAll(entries);
        checkIns.saveAll(answers);
        crampNights.stream().map(existing::get).filter(c -> c != null && c.isCrampFree())
                .forEach(c -> c.crampsLogged(now));
        audit.record(AuditAction.CRAMP_LOGGED, patientId,
                "history: " + entries.size() + " cramps, " + answers.size() + " check-ins");
    }

    /** One query for the check-ins a batch touches, rather than one per night. */
    private Map<LocalDate, NightCheckIn> existingCheckIns(long patientId, Collection<LocalDate> crampNights,
            List<CheckInInput> newCheckIns) {
        List<LocalDate> touched = Stream.concat(crampNights.stream(), newCheckIns.stream().map(CheckInInput::night))
                .filter(Objects::nonNull).sorted().toList();
        if (touched.isEmpty()) {
            return new HashMap<>();
        }
        return checkIns.findByPatientIdAndNightDateBetween(patientId, touched.getFirst(), touched.getLast()).stream()
                .collect(Collectors.toMap(NightCheckIn::getNightDate, Function.identity()));
    }

    /** Every night from {@code from} to {@code to} (inclusive), newest first, recorded or not. */
    @Transactional(readOnly = true)
    public List<NightSummary> listNights(long patientId, LocalDate from, LocalDate to) {
        readAccess(patientId, "nights " + from + " to " + to);
        List<NightSummary> list = new ArrayList<>(nightsBetween(patientId, from, to).values());
        list.sort(Comparator.comparing(NightSummary::night).reversed());
        return list;
    }

    @Transactional(readOnly = true)
    public DiaryStatistics statistics(long patientId, LocalDate from, LocalDate to) {
        readAccess(patientId, "statistics " + from + " to " + to);
        return DiaryStatistics.of(from, to, nightsBetween(patientId, from, to).values());
    }

    /**
     * Week by week (weeks start on Monday), for the nights of each week that fall inside the range:
     * the figures of {@link #statistics}, and cramp counts per location and per suspected trigger.
     */
    @Transactional(readOnly = true)
    public List<WeekSummary> weeklyBreakdown(long patientId, LocalDate from, LocalDate to) {
        readAccess(patientId, "weekly breakdown " + from + " to " + to);
        return weeks(nightsBetween(patientId, from, to), from, to);
    }

    private static List<WeekSummary> weeks(Map<LocalDate, NightSummary> nights, LocalDate from, LocalDate to) {
        Map<LocalDate, List<NightSummary>> byWeek = nights.values().stream()
                .collect(Collectors.groupingBy(n -> Nights.weekStart(n.night()), TreeMap::new, Collectors.toList()));
        List<WeekSummary> weeks = new ArrayList<>();
        byWeek.forEach((weekStart, weekNights) -> {
            LocalDate first = weekStart.isBefore(from) ? from : weekStart;
            LocalDate last = weekStart.plusDays(6).isAfter(to) ? to : weekStart.plusDays(6);
            List<CrampRecord> weekCramps = weekNights.stream().flatMap(n -> n.cramps().stream()).toList();
            Map<CrampLocation, Integer> byLocation = new EnumMap<>(CrampLocation.class);
            Map<Trigger, Integer> byTrigger = new EnumMap<>(Trigger.class);
            for (CrampRecord cramp : weekCramps) {
                byLocation.merge(cramp.location(), 1, Integer::sum);
                cramp.triggers().forEach(t -> byTrigger.merge(t, 1, Integer::sum));
            }
            weeks.add(new WeekSummary(weekStart, DiaryStatistics.of(first, last, weekNights), byLocation, byTrigger));
        });
        return weeks;
    }

    /**
     * The recorded nights from {@code from} to {@code to} in figures, and the cramps of the nights from
     * {@code countFrom} to {@code to} by location and trigger: for the progress page. Three grouped queries on the
     * stored night (the clinic-time night fixed when a cramp or check-in is written, so the database needs no time
     * zone), whatever the length of the diary: a year is one short row per recorded night and a few count rows,
     * never the entries themselves. A night with cramps counts with its cramps even if a cramp-free answer is still
     * stored for it, as everywhere in the diary.
     */
    @Transactional(readOnly = true)
    public DiaryTotals totals(long patientId, LocalDate from, LocalDate to, LocalDate countFrom) {
        readAccess(patientId, "history " + from + " to " + to);
        if (from == null || to == null || countFrom == null || from.isAfter(to)) {
            throw new InvalidInput("from", "Choose a start date on or before the end date.");
        }
        TreeMap<LocalDate, NightTotal> byNight = new TreeMap<>();
        for (Object[] row : cramps.nightTotals(patientId, from, to)) {
            LocalDate night = (LocalDate) row[0];
            byNight.put(night, new NightTotal(night, ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue()));
        }
        for (LocalDate night : checkIns.crampFreeNights(patientId, from, to)) {
            byNight.putIfAbsent(night, new NightTotal(night, 0, 0, null));
        }
        Map<CrampLocation, Integer> locations = new EnumMap<>(CrampLocation.class);
        Map<Trigger, Integer> triggers = new EnumMap<>(Trigger.class);
        if (!countFrom.isAfter(to)) {
            for (Object[] row : cramps.whereAndWhy(patientId, countFrom, to)) {
                int count = ((Number) row[2]).intValue();
                locations.merge((CrampLocation) row[0], count, Integer::sum);
                @SuppressWarnings("unchecked")
                Set<Trigger> suspected = (Set<Trigger>) row[1];
                suspected.forEach(t -> triggers.merge(t, count, Integer::sum));
            }
        }
        return new DiaryTotals(List.copyOf(byNight.values()), locations, triggers);
    }

    /** The latest night the patient recorded (with cramps or cramp-free), if any: for "last diary entry". */
    @Transactional(readOnly = true)
    public Optional<LocalDate> lastRecordedNight(long patientId) {
        readAccess(patientId, "last recorded night");
        return Stream.of(cramps.findLastNight(patientId), checkIns.findLastCrampFreeNight(patientId))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    private Map<LocalDate, NightSummary> nightsBetween(long patientId, LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInput("from", "Choose a start date on or before the end date.");
        }
        List<CrampEntry> entries = cramps.findByPatientIdAndNightDateBetweenOrderByOccurredAtAsc(patientId, from, to);
        Map<LocalDate, NightCheckIn> checkInByNight = checkIns.findByPatientIdAndNightDateBetween(patientId, from, to)
                .stream().collect(Collectors.toMap(NightCheckIn::getNightDate, Function.identity()));
        Map<Long, String> helpers = helperNames(Stream.concat(entries.stream().map(CrampEntry::getLoggedBy),
                checkInByNight.values().stream().map(NightCheckIn::getLoggedBy)));
        Map<LocalDate, List<CrampRecord>> crampsByNight = entries.stream()
                .map(e -> e.getLoggedBy() == null ? e.toRecord() : e.toRecord().loggedBy(helpers.get(e.getLoggedBy())))
                .collect(Collectors.groupingBy(CrampRecord::night));
        Map<LocalDate, NightSummary> result = new LinkedHashMap<>();
        for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            List<CrampRecord> list = crampsByNight.getOrDefault(night, List.of());
            NightCheckIn checkIn = checkInByNight.get(night);
            NightStatus status = !list.isEmpty() ? NightStatus.RECORDED_WITH_CRAMPS
                    : checkIn != null && checkIn.isCrampFree() ? NightStatus.CRAMP_FREE
                    : NightStatus.NOT_RECORDED;
            result.put(night, new NightSummary(night, status, list,
                    checkIn == null ? null : checkIn.getSleepDisturbance(),
                    checkIn == null || checkIn.getLoggedBy() == null ? null : helpers.get(checkIn.getLoggedBy())));
        }
        return result;
    }

    /** The patient, or a helper they allowed to record. */
    private PortalUser requireOwnDiary(long patientId) {
        return access.checkRecorder(patientId, "change their diary");
    }

    private static Long helperOrNull(PortalUser user) {
        return user.role() == Role.HELPER ? user.id() : null;
    }

    /** The names of the helpers who wrote entries, in one query; none when the patient wrote them all. */
    private Map<Long, String> helperNames(Stream<Long> ids) {
        Set<Long> wanted = ids.filter(Objects::nonNull).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        directory.people(wanted).forEach((id, person) -> names.put(id, person.name()));
        return names;
    }

    private void readAccess(long patientId, String what) {
        PortalUser user = access.checkWithHelpers(patientId);
        if (user.role() != Role.PATIENT) {
            audit.record(AuditAction.DIARY_VIEWED, patientId, what);
        }
    }

    private CrampEntry ownEntry(long patientId, long crampId) {
        return cramps.findByIdAndPatientId(crampId, patientId).orElseThrow(
                () -> new InvalidInput("id", "That cramp is not in this diary (it may have been deleted)."));
    }

    /** Validates a cramp and returns the night it belongs to. */
    private LocalDate validCramp(CrampInput input) {
        Instant now = clock.instant();
        if (input.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidInput("occurredAt", "That time is in the future. Choose when the cramp happened.");
        }
        if (input.occurredAt().isBefore(now.minus(Duration.ofDays(OLDEST_DAYS)))) {
            throw new InvalidInput("occurredAt", "You can log cramps from the last 12 months.");
        }
        return nights.nightOf(input.occurredAt());
    }

    private void validCheckIn(long patientId, CheckInInput input) {
        LocalDate lastNight = nights.lastNight(clock);
        if (input.night().isAfter(lastNight)) {
            throw new InvalidInput("night", "That night has not happened yet.");
        }
        if (input.night().isBefore(lastNight.minusDays(OLDEST_DAYS))) {
            throw new InvalidInput("night", "You can check in nights from the last 12 months.");
        }
        if (input.crampFree()) {
            long logged = cramps.countByPatientIdAndNightDate(patientId, input.night());
            if (logged > 0) {
                throw new InvalidInput("night", "You logged " + logged + (logged == 1 ? " cramp" : " cramps")
                        + " for the night of " + clinic.weekdayYear(input.night())
                        + ". Delete " + (logged == 1 ? "it" : "them") + " first if the night was cramp-free.");
            }
        }
    }

    /** A cramp logged for a night checked in as cramp-free: the cramp wins, the night is no longer cramp-free. */
    private String reopenCrampFreeNight(long patientId, LocalDate night) {
        return checkIns.findByPatientIdAndNightDate(patientId, night).filter(NightCheckIn::isCrampFree)
                .map(checkIn -> {
                    checkIn.crampsLogged(clock.instant());
                    return "; night " + night + " was checked in as cramp-free and now has cramps";
                }).orElse("");
    }

    /**
     * A night left without cramps falls back on its morning answer: a "No cramps" check-in holds again rather
     * than the night turning into "Not recorded" and being asked about once more.
     */
    private String restoreAnswerIfEmpty(long patientId, LocalDate night) {
        cramps.flush();
        if (cramps.countByPatientIdAndNightDate(patientId, night) > 0) {
            return "";
        }
        return checkIns.findByPatientIdAndNightDate(patientId, night)
                .filter(checkIn -> checkIn.lastCrampRemoved(clock.instant()))
                .map(checkIn -> "; night " + night + " has no cramps left and is cramp-free again, as checked in")
                .orElse("");
    }

    private static String describe(NightCheckIn checkIn) {
        return "night " + checkIn.getNightDate() + (checkIn.isCrampFree() ? " cramp-free" : " with cramps")
                + (checkIn.getSleepDisturbance() == null ? "" : ", sleep disturbance " + checkIn.getSleepDisturbance());
    }

    private static Map<String, Object> fields(CrampRecord c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("time", c.occurredAt());
        fields.put("night", c.night());
        fields.put("intensity", c.intensity());
        fields.put("duration", c.duration());
        fields.put("minutes", c.minutes());
        fields.put("location", c.location());
        fields.put("side", c.side());
        fields.put("woke", c.wokeFromSleep());
        fields.put("triggers", sorted(c.triggers()));
        fields.put("relief", sorted(c.relief()));
        fields.put("note", c.note());
        return fields;
    }

    private static String sorted(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "[", "]"));
    }

    /** What the person wrote stays out of the audit trail: it says only that there is a note, or that it changed. */
    private static final Set<String> FREE_TEXT = Set.of("note");

    static String describe(CrampRecord cramp) {
        return fields(cramp).entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> FREE_TEXT.contains(e.getKey()) ? e.getKey() : e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String changes(CrampRecord before, CrampRecord after) {
        Map<String, Object> old = fields(before);
        Map<String, Object> now = fields(after);
        String changed = old.keySet().stream().filter(key -> !Objects.equals(old.get(key), now.get(key)))
                .map(key -> FREE_TEXT.contains(key) ? key + " changed" : key + " " + old.get(key) + " -> " + now.get(key))
                .collect(Collectors.joining("; "));
        return changed.isEmpty() ? "no change" : changed;
    }
}
