package app.physioportal.progress.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.Trigger;
import app.physioportal.progress.ProgressRange;
import app.physioportal.progress.ProgressReport;
import app.physioportal.progress.ProgressReport.BaselineVsNow;
import app.physioportal.progress.ProgressReport.Period;
import app.physioportal.progress.ProgressReport.StretchComparison;
import app.physioportal.progress.ProgressReport.Week;
import app.physioportal.progress.ProgressService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * The progress page's body for one patient, shared by the patient's own page and the physio's view of an
 * assigned patient: range choice, the charts each with a text summary, baseline vs now and the personal
 * stretching comparison. Reading the report checks access, so an unassigned id never renders anything.
 */
@NamedInterface("panels")
public class ProgressPanel extends Div {

    private final Clinic clinic;


    private final long patientId;
    private final ProgressService progress;
    private final Map<ProgressRange, Button> rangeButtons = new EnumMap<>(ProgressRange.class);
    private final Div content = new Div();
    private ProgressReport report;

    public ProgressPanel(long patientId, ProgressService progress, Clinic clinic) {
        this.clinic = clinic;
        this.patientId = patientId;
        this.progress = progress;
        setId("progress-panel");
        addClassName("progress-panel");
        Div ranges = new Div();
        ranges.addClassName("progress-ranges");
        ranges.getElement().setAttribute("role", "group");
        ranges.getElement().setAttribute("aria-label", "Period shown");
        for (ProgressRange range : ProgressRange.values()) {
            Button button = new Button(range.label(), e -> show(range));
            button.setId("range-" + range.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            rangeButtons.put(range, button);
            ranges.add(button);
        }
        content.addClassName("progress-content");
        add(ranges, content);
        show(ProgressRange.TWELVE_WEEKS);
    }

    public ProgressReport report() {
        return report;
    }

    public void show(ProgressRange range) {
        report = progress.report(patientId, range);
        rangeButtons.forEach((r, button) -> {
            boolean chosen = r == range;
            button.removeThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.TERTIARY);
            button.addThemeVariants(chosen ? ButtonVariant.PRIMARY : ButtonVariant.TERTIARY);
            button.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
        });
        content.removeAll();
        if (report.empty()) {
            Paragraph empty = new Paragraph("Log a few nights to see your progress. Each cramp and each morning "
                    + "check-in (\"How was last night?\") adds to these charts; a week needs "
                    + ProgressService.MIN_NIGHTS_PER_WEEK + " recorded nights to show.");
            empty.setId("progress-empty");
            empty.addClassNames("card", "progress-empty");
            content.add(empty);
            content.add(baselineCard());
            return;
        }
        // The charts' JSON is built from this report when each chart is attached, and not kept (see ChartJs).
        ProgressReport shown = report;
        ChartOverlay overlay = ProgressCharts.weeklyOverlay(shown);
        content.add(section("cramps", "Cramps per week", () -> ProgressCharts.cramps(shown, clinic), overlay,
                crampsSummary()));
        content.add(baselineCard(), stretchingCard());
        content.add(section("intensity", "How strong", () -> ProgressCharts.intensity(shown, clinic), overlay,
                intensitySummary()));
        content.add(section("adherence", "Exercises done", () -> ProgressCharts.adherence(shown, clinic), overlay,
                adherenceSummary()));
        content.add(section("locations", "Where", () -> ProgressCharts.locations(shown), null,
                countsSummary("Where the cramps were", shown.locations(), CrampLocation.values())));
        content.add(section("triggers", "Suspected triggers", () -> ProgressCharts.triggers(shown), null,
                countsSummary("Suspected triggers noted", shown.triggers(), Trigger.values())));
    }

    private Div section(String id, String title, SerializableSupplier<String> chartJson, ChartOverlay overlay,
            String summary) {
        ChartJs chart = new ChartJs(id + "-chart", title);
        chart.setConfiguration(chartJson);
        if (overlay != null) {
            chart.setOverlay(overlay);
        }
        Paragraph text = new Paragraph(summary);
        text.setId(id + "-summary");
        text.addClassName("progress-summary");
        Div body = new Div(chart, text);
        body.addClassName("progress-chart-row");
        Div card = new Div(new H3(title), body);
        card.setId(id + "-card");
        card.addClassNames("card", "progress-card");
        return card;
    }

    private String crampsSummary() {
        List<Week> weeks = report.weeks();
        long gaps = weeks.stream().filter(Week::insufficientData).count();
        StringBuilder text = new StringBuilder();
        text.append(report.recordedNights()).append(" nights recorded since ").append(clinic.dayMonth(report.from()))
                .append(", with ").append(report.cramps()).append(report.cramps() == 1 ? " cramp" : " cramps");
        if (report.recordedNights() > 0) {
            text.append(" (").append(one((double) report.cramps() / report.recordedNights())).append(" a night)");
        }
        text.append(". ");
        lastWithData(weeks).ifPresent(w -> text.append("Latest week with enough records (from ")
                .append(clinic.dayMonth(w.weekStart())).append("): ").append(one(w.crampsPerNight()))
                .append(" cramps a night, about ").append(one(w.crampsPerWeek())).append(" a week. "));
        if (gaps > 0) {
            text.append(gaps).append(gaps == 1 ? " week has" : " weeks have").append(" fewer than ")
                    .append(ProgressService.MIN_NIGHTS_PER_WEEK)
                    .append(" recorded nights and ").append(gaps == 1 ? "is" : "are")
                    .append(" shown hatched, not as zero. ");
        }
        report.markers().forEach(m -> text.append("Plan version ").append(m.versionNumber()).append(" started on ")
                .append(clinic.dayMonth(m.effectiveFrom())).append(" (dashed line). "));
        return text.toString().strip();
    }

    private String intensitySummary() {
        List<Week> withData = report.weeks().stream().filter(w -> w.meanIntensity() != null).toList();
        if (withData.isEmpty()) {
            return "No week in this period has enough recorded cramps to show intensity.";
        }
        Week first = withData.getFirst();
        Week last = withData.getLast();
        if (first == last) {
            return "Week from " + clinic.dayMonth(last.weekStart()) + ": mean intensity " + one(last.meanIntensity())
                    + " of 10, worst " + last.worstIntensity() + ".";
        }
        return "Mean intensity " + one(first.meanIntensity()) + " of 10 in the week from " + clinic.dayMonth(first.weekStart())
                + ", " + one(last.meanIntensity()) + " in the week from " + clinic.dayMonth(last.weekStart())
                + ". Worst in that latest week: " + last.worstIntensity() + " of 10.";
    }

    private String adherenceSummary() {
        List<Week> withPlan = report.weeks().stream().filter(w -> w.adherencePercent() != null).toList();
        if (withPlan.isEmpty()) {
            return "No exercise plan in this period.";
        }
        double average = withPlan.stream().mapToInt(Week::adherencePercent).average().orElse(0);
        return "Exercises done: " + withPlan.getLast().adherencePercent() + "% in the latest week, "
                + Math.round(average) + "% on average over " + withPlan.size()
                + (withPlan.size() == 1 ? " week" : " weeks") + " with a plan.";
    }

    private static <E extends Enum<E>> String countsSummary(String lead, Map<E, Integer> counts, E[] all) {
        String list = Arrays.stream(all).filter(e -> counts.getOrDefault(e, 0) > 0)
                .sorted(Comparator.comparing((E e) -> counts.get(e)).reversed())
                .map(e -> label(e) + " " + counts.get(e)).collect(Collectors.joining(", "));
        return list.isEmpty() ? lead + ": none in this period." : lead + ": " + list + ".";
    }

    private static String label(Enum<?> value) {
        return value instanceof CrampLocation l ? l.label() : ((Trigger) value).label();
    }

    private Div baselineCard() {
        Div card = new Div(new H3("Baseline vs now"));
        card.setId("baseline-card");
        card.addClassNames("card", "progress-card");
        BaselineVsNow figures = report.baseline();
        if (figures == null) {
            card.add(new Paragraph("This comparison appears once 4 weeks each have at least "
                    + ProgressService.MIN_NIGHTS_PER_WEEK + " recorded nights (so far: " + report.recordedWeeksSoFar()
                    + "). It sets the first two of those weeks against the latest two."));
            return card;
        }
        Div grid = new Div(period("First two recorded weeks", figures.baseline()),
                period("Latest two recorded weeks", figures.now()));
        grid.addClassName("progress-periods");
        card.add(grid);
        Paragraph change = new Paragraph("Change: " + changeInWords(figures.crampsPerNightChange(),
                figures.crampsPerNightChangePercent(), "%s fewer cramps a night", "%s more cramps a night")
                + "; mean intensity " + changeInWords(figures.meanIntensityChange(),
                figures.meanIntensityChangePercent(), "%s points lower", "%s points higher") + ".");
        change.setId("baseline-change");
        change.addClassName("progress-change");
        Paragraph note = new Paragraph("These are averages over the nights recorded in the diary; nights "
                + "without a record are left out. For context, the stretching trial found cramps fell by 1.2 a night "
                + "and intensity by 1.3 points more than in people who did not stretch, after 6 weeks.");
        note.addClassName("progress-note");
        card.add(change, note);
        return card;
    }

    private Div period(String title, Period period) {
        Div box = new Div();
        box.addClassName("progress-period");
        Paragraph heading = new Paragraph(title);
        heading.addClassName("card-title");
        Paragraph figures = new Paragraph(one(period.crampsPerNight()) + " cramps a night, mean intensity "
                + (period.meanIntensity() == null ? "none" : one(period.meanIntensity()) + " of 10"));
        Paragraph behind = new Paragraph(clinic.dayMonth(period.from()) + " to " + clinic.dayMonth(period.to()) + ", "
                + period.recordedNights() + " recorded nights, " + period.cramps() + " cramps");
        behind.addClassName("card-detail");
        box.add(heading, figures, behind);
        return box;
    }

    /**
     * "2.1 fewer cramps a night (down 79%)"; {@code down} and {@code up} take the amount as {@code %s}. In words,
     * not a minus sign: read aloud the same, and the page's text stays Latin-1, which Flow keeps as the UI's last
     * answer at one byte a character instead of two (issue 18).
     */
    static String changeInWords(Double change, Double percent, String down, String up) {
        if (change == null) {
            return "not enough to compare";
        }
        if (Math.abs(change) < 0.05) {
            return "about the same";
        }
        String words = String.format(change < 0 ? down : up, one(Math.abs(change)));
        return percent == null ? words
                : words + " (" + (percent < 0 ? "down " : "up ") + Math.round(Math.abs(percent)) + "%)";
    }

    private Div stretchingCard() {
        Div card = new Div(new H3("Does stretching help me?"));
        card.setId("stretching-card");
        card.addClassNames("card", "progress-card");
        StretchComparison s = report.stretching();
        Paragraph text;
        if (s.ready()) {
            text = new Paragraph("On the " + s.stretchedNights() + " recorded nights with the bedtime stretch done: "
                    + one(s.crampsPerStretchedNight()) + " cramps a night. On the " + s.notStretchedNights()
                    + " recorded nights without it: " + one(s.crampsPerNotStretchedNight()) + " cramps a night.");
            Paragraph careful = new Paragraph("This is an observation from the diary, not a diagnosis: other things "
                    + "change from night to night too. It is worth talking through with the physio.");
            careful.addClassName("progress-note");
            text.setId("stretching-result");
            card.add(text, careful);
        } else {
            List<String> needed = new ArrayList<>();
            if (s.moreStretchedNightsNeeded() > 0) {
                needed.add(s.moreStretchedNightsNeeded() + " more with the bedtime stretch done");
            }
            if (s.moreNotStretchedNightsNeeded() > 0) {
                needed.add(s.moreNotStretchedNightsNeeded() + " more without it");
            }
            text = new Paragraph("Once there are at least " + ProgressService.MIN_NIGHTS_TO_COMPARE
                    + " recorded nights with the bedtime stretch done and " + ProgressService.MIN_NIGHTS_TO_COMPARE
                    + " without, this compares cramps on both kinds of night. Still needed: "
                    + String.join(" and ", needed) + " (so far " + s.stretchedNights() + " and "
                    + s.notStretchedNights() + ").");
            text.setId("stretching-pending");
            card.add(text);
        }
        return card;
    }

    private static Optional<Week> lastWithData(List<Week> weeks) {
        return weeks.stream().filter(w -> w.crampsPerNight() != null).reduce((a, b) -> b);
    }

    static String one(Double value) {
        return value == null ? "–" : String.format(Locale.UK, "%.1f", value);
    }
}
