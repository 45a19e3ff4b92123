package app.physioportal.plan;

import app.physioportal.exercise.Category;
import app.physioportal.exercise.Timing;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adherence arithmetic, apart from the database so it can be tested day by day.
 *
 * <p>A week's adherence is done / prescribed. Each day counts against the plan version active that
 * day. An item prescribed d days a week, active for a days of the week under one version, is
 * prescribed d * a / 7 times in that stretch; ticks beyond that do not lift the figure above 100%,
 * and a day without a tick is simply not done (missing is never counted as done).
 */
final class AdherenceCalculator {

    record ItemSpec(long exerciseId, int daysPerWeek, Timing timing, Category category) {
    }

    /** A plan version and the first day it applies; versions are sorted by number. */
    record VersionSpan(long versionId, int number, LocalDate from, List<ItemSpec> items) {
    }

    record Done(long exerciseId, LocalDate day) {
    }

    private AdherenceCalculator() {
    }

    static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The version in force on a day: the newest one that had started by then. */
    static Optional<VersionSpan> activeOn(List<VersionSpan> versions, LocalDate day) {
        VersionSpan active = null;
        for (VersionSpan version : versions) {
            if (!version.from().isAfter(day)) {
                active = version;
            }
        }
        return Optional.ofNullable(active);
    }

    /** One week, counting only the days up to and including {@code lastDay} (the week in progress). */
    static WeekAdherence week(List<VersionSpan> versions, Set<Done> done, LocalDate weekStart,
            LocalDate lastDay) {
        record Stretch(int activeDays, int doneDays) {
        }
        Map<String, Stretch> stretches = new LinkedHashMap<>();
        Map<String, Integer> daysPerWeek = new LinkedHashMap<>();
        for (LocalDate day = weekStart; day.isBefore(weekStart.plusDays(7)) && !day.isAfter(lastDay);
                day = day.plusDays(1)) {
            Optional<VersionSpan> version = activeOn(versions, day);
            if (version.isEmpty()) {
                continue;
            }
            for (ItemSpec item : version.get().items()) {
                String key = version.get().number() + ":" + item.exerciseId();
                boolean ticked = done.contains(new Done(item.exerciseId(), day));
                stretches.merge(key, new Stretch(1, ticked ? 1 : 0),
                        (a, b) -> new Stretch(a.activeDays() + b.activeDays(), a.doneDays() + b.doneDays()));
                daysPerWeek.put(key, item.daysPerWeek());
            }
        }
        double prescribed = 0;
        double doneCount = 0;
        for (var entry : stretches.entrySet()) {
            double due = daysPerWeek.get(entry.getKey()) * entry.getValue().activeDays() / 7.0;
            prescribed += due;
            doneCount += Math.min(entry.getValue().doneDays(), due);
        }
        return new WeekAdherence(weekStart, prescribed, doneCount);
    }

    /** Every week from the one holding {@code from} to the one holding {@code to}; days after {@code lastDay} not counted. */
    static List<WeekAdherence> weeks(List<VersionSpan> versions, Set<Done> done, LocalDate from,
            LocalDate to, LocalDate lastDay) {
        List<WeekAdherence> weeks = new ArrayList<>();
        for (LocalDate start = weekStart(from); !start.isAfter(to); start = start.plusWeeks(1)) {
            weeks.add(week(versions, done, start, lastDay));
        }
        return weeks;
    }

    /** Per night: were all the bedtime stretches of that night's plan version done? Nights without any are left out. */
    static List<NightStretch> bedtimeStretches(List<VersionSpan> versions, Set<Done> done,
            LocalDate from, LocalDate to) {
        List<NightStretch> nights = new ArrayList<>();
        for (LocalDate night = from; !night.isAfter(to); night = night.plusDays(1)) {
            Optional<VersionSpan> version = activeOn(versions, night);
            if (version.isEmpty()) {
                continue;
            }
            int prescribed = 0;
            int ticked = 0;
            for (ItemSpec item : version.get().items()) {
                if (item.timing() == Timing.BEFORE_BED && item.category() == Category.STRETCH) {
                    prescribed++;
                    if (done.contains(new Done(item.exerciseId(), night))) {
                        ticked++;
                    }
                }
            }
            if (prescribed > 0) {
                nights.add(new NightStretch(night, prescribed, ticked));
            }
        }
        return nights;
    }
}
