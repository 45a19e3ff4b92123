package app.physioportal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo clinic's patients and what happened to them, night by night (docs/PRODUCT.md section 5). One
 * deterministic source, so the plan history, the adherence log and the cramp diary tell the same
 * story: nights with the bedtime stretch done have fewer cramps, and cramps fall as the plan works.
 */
final class DemoStories {

    /**
     * @param weeksOfHistory      how far back the story starts (the first two weeks are the baseline)
     * @param planStartDaysAgo    the day the stretching plan started, in days before today
     * @param planV2DaysAgo       the day the plan was progressed (version 2), or -1
     * @param stoppedLoggingDaysAgo nothing is recorded from this many days ago on, or -1
     * @param adherence           share of nights the bedtime stretch is done once the plan runs
     * @param baselineCramps      mean cramps per night before the plan
     * @param baselineIntensity   mean worst intensity (0-10) before the plan
     * @param improvement         how much of the baseline the plan removes after six weeks (0-1)
     */
    record Story(int number, String name, int birthYear, int physio, int weeksOfHistory, int planStartDaysAgo,
            int planV2DaysAgo, int stoppedLoggingDaysAgo, double adherence, double baselineCramps,
            double baselineIntensity, double improvement, String medication) {

        String email() {
            return "patient" + number + "@example.org";
        }

        String physioEmail() {
            return "physio" + physio + "@example.org";
        }

        LocalDate firstNight(LocalDate today) {
            return today.minusWeeks(weeksOfHistory);
        }

        LocalDate planStart(LocalDate today) {
            return today.minusDays(planStartDaysAgo);
        }
    }

    /**
     * One night of a story, named by the evening's date.
     *
     * @param recorded          the patient recorded the night in the diary (a cramp or a cramp-free check-in)
     * @param exercisesLogged   the patient used the Today page that day (ticked or not)
     * @param stretched         the bedtime stretch was done (only once the plan runs)
     * @param cramps            number of cramps that night (meaningful when recorded)
     * @param meanIntensity     typical worst intensity of those cramps
     * @param seed              for any further detail (times, locations, triggers), deterministically
     */
    record Night(LocalDate date, boolean recorded, boolean exercisesLogged, boolean stretched, int cramps,
            double meanIntensity, long seed) {
    }

    static final List<Story> STORIES = List.of(
            new Story(1, "Margaret Ellis", 1957, 1, 10, 56, -1, -1, 0.9, 3.0, 7.0, 0.78, null),
            new Story(2, "David Chen", 1966, 1, 12, 70, 35, -1, 0.8, 2.2, 6.5, 0.65, null),
            new Story(3, "Robert Hughes", 1953, 1, 10, 56, -1, -1, 0.3, 2.5, 6.8, 0.0, null),
            new Story(4, "Linda Park", 1962, 1, 11, 63, -1, 10, 0.75, 2.0, 6.0, 0.7, null),
            new Story(5, "George Adeyemi", 1968, 2, 3, 5, -1, -1, 0.85, 2.8, 7.2, 0.0, null),
            new Story(6, "Susan Clarke", 1959, 2, 9, 49, -1, -1, 0.7, 2.4, 6.6, 0.4, "statin (atorvastatin)"));

    private static final double STRETCH_EFFECT = 0.8;
    private static final double MISSED_RECORD_CHANCE = 0.07;

    private DemoStories() {
    }

    /** Every night of the story up to and including last night (the evening before {@code today}). */
    static List<Night> nights(Story story, LocalDate today) {
        SplittableRandom random = new SplittableRandom(7919L * story.number());
        LocalDate planStart = story.planStart(today);
        LocalDate stopped = story.stoppedLoggingDaysAgo() < 0 ? null : today.minusDays(story.stoppedLoggingDaysAgo());
        List<Night> nights = new ArrayList<>();
        for (LocalDate date = story.firstNight(today); date.isBefore(today); date = date.plusDays(1)) {
            boolean onPlan = !date.isBefore(planStart);
            boolean active = stopped == null || date.isBefore(stopped);
            boolean recorded = active && random.nextDouble() >= MISSED_RECORD_CHANCE;
            boolean stretched = onPlan && active && random.nextDouble() < story.adherence();
            double progress = onPlan ? Math.min(1.0, (date.toEpochDay() - planStart.toEpochDay()) / 42.0) : 0.0;
            double mean = story.baselineCramps() * (1 - story.improvement() * progress)
                    * (onPlan ? (stretched ? STRETCH_EFFECT : 1 / STRETCH_EFFECT) : 1.0);
            int cramps = poisson(random, mean);
            double intensity = story.baselineIntensity() * (1 - 0.45 * story.improvement() * progress);
            nights.add(new Night(date, recorded, onPlan && active, stretched, cramps, intensity, random.nextLong()));
        }
        return nights;
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit && count < 8) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
