package app.physioportal.progress.ui;

import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.Trigger;
import app.physioportal.progress.ProgressReport;
import app.physioportal.progress.ProgressReport.PlanMarker;
import app.physioportal.progress.ProgressReport.Week;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.xdev.chartjs.model.charts.BarChart;
import software.xdev.chartjs.model.charts.LineChart;
import software.xdev.chartjs.model.data.BarData;
import software.xdev.chartjs.model.data.LineData;
import software.xdev.chartjs.model.dataset.BarDataset;
import software.xdev.chartjs.model.dataset.LineDataset;
import software.xdev.chartjs.model.enums.IndexAxis;
import software.xdev.chartjs.model.options.BarOptions;
import software.xdev.chartjs.model.options.LegendOptions;
import software.xdev.chartjs.model.options.LineOptions;
import software.xdev.chartjs.model.options.Options;
import software.xdev.chartjs.model.options.Plugins;
import software.xdev.chartjs.model.options.scale.Scales;
import software.xdev.chartjs.model.options.scale.cartesian.AbstractCartesianScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearScaleOptions;
import software.xdev.chartjs.model.options.scale.cartesian.linear.LinearTickOptions;
import org.springframework.modulith.NamedInterface;

/** The progress page's Chart.js configurations, built as typed models and serialised on the server. */
@NamedInterface("panels")
public final class ProgressCharts {

    // Mid tones: at least 3:1 against both the light (#fff) and the dark (#233348) page background.
    private static final String PRIMARY = "#2e86c1";
    private static final String ACCENT = "#e0554a";
    private static final String GREEN = "#28a05a";

    private ProgressCharts() {
    }

    /** Each week by the day it starts, as the clinic writes it ("3 Mar"). */
    public static List<String> weekLabels(ProgressReport report, Clinic clinic) {
        return report.weeks().stream().map(w -> clinic.dayMonth(w.weekStart())).toList();
    }

    /** Cramps per week, normalised to seven recorded nights; weeks with too few nights are left empty. */
    public static String cramps(ProgressReport report, Clinic clinic) {
        BarDataset bars = new BarDataset().setLabel("Cramps per week").setBackgroundColor(PRIMARY)
                .setMaxBarThickness(48);
        report.weeks().forEach(w -> bars.addData(round(w.crampsPerWeek())));
        return new BarChart().setData(new BarData().setLabels(weekLabels(report, clinic)).addDataset(bars))
                .setOptions(common(new BarOptions(), "Cramps per week", null)).toJson();
    }

    public static String intensity(ProgressReport report, Clinic clinic) {
        LineDataset mean = line("Mean intensity", PRIMARY, report, w -> w.meanIntensity());
        LineDataset worst = line("Worst intensity", ACCENT, report,
                w -> w.worstIntensity() == null ? null : w.worstIntensity().doubleValue());
        return new LineChart().setData(new LineData().setLabels(weekLabels(report, clinic)).addDataset(mean).addDataset(worst))
                .setOptions(common(new LineOptions(), "Intensity (0-10)", 10)).toJson();
    }

    public static String adherence(ProgressReport report, Clinic clinic) {
        BarDataset bars = new BarDataset().setLabel("Exercises done (%)").setBackgroundColor(GREEN)
                .setMaxBarThickness(48);
        report.weeks().forEach(w -> bars.addData(w.adherencePercent()));
        return new BarChart().setData(new BarData().setLabels(weekLabels(report, clinic)).addDataset(bars))
                .setOptions(common(new BarOptions(), "% of exercises done", 100)).toJson();
    }

    public static String locations(ProgressReport report) {
        return counts("Cramps by location", report.locations(), CrampLocation.values(), CrampLocation::label);
    }

    public static String triggers(ProgressReport report) {
        return counts("Cramps by suspected trigger", report.triggers(), Trigger.values(), Trigger::label);
    }

    /** Hatched weeks with too few recorded nights, and a dashed line on the day each plan version started. */
    public static ChartOverlay weeklyOverlay(ProgressReport report) {
        List<Integer> gaps = new ArrayList<>();
        for (int i = 0; i < report.weeks().size(); i++) {
            if (report.weeks().get(i).insufficientData()) {
                gaps.add(i);
            }
        }
        List<ChartOverlay.Marker> markers = new ArrayList<>();
        for (PlanMarker marker : report.markers()) {
            long index = ChronoUnit.WEEKS.between(report.weeks().getFirst().weekStart(), marker.weekStart());
            long day = ChronoUnit.DAYS.between(marker.weekStart(), marker.effectiveFrom());
            markers.add(new ChartOverlay.Marker(index - 0.5 + day / 7.0, "Plan v" + marker.versionNumber()));
        }
        return new ChartOverlay(gaps, markers);
    }

    private static <E extends Enum<E>> String counts(String label, Map<E, Integer> counts, E[] all,
            Function<E, String> name) {
        BarDataset bars = new BarDataset().setLabel(label).setBackgroundColor(PRIMARY).setMaxBarThickness(32);
        BarData data = new BarData();
        for (E value : all) {
            data.addLabel(name.apply(value));
            bars.addData(counts.getOrDefault(value, 0));
        }
        BarOptions options = common(new BarOptions(), "Cramps", null).setIndexAxis(IndexAxis.Y);
        options.setScales(new Scales().addScale("x", new LinearScaleOptions().setBeginAtZero(true)
                .setTicks(new LinearTickOptions().setPrecision(0))));
        options.getPlugins().setLegend(new LegendOptions().setDisplay(false));
        return new BarChart().setData(data.addDataset(bars)).setOptions(options).toJson();
    }

    private static LineDataset line(String label, String colour, ProgressReport report,
            Function<Week, Double> value) {
        LineDataset line = new LineDataset().setLabel(label).setBorderColor(colour).setBackgroundColor(colour)
                .setSpanGaps(false).setTension(0.2);
        report.weeks().forEach(w -> line.addData(round(value.apply(w))));
        return line;
    }

    private static <O extends Options<O, ?>> O common(O options, String yTitle, Integer yMax) {
        LinearScaleOptions y = new LinearScaleOptions().setBeginAtZero(true)
                .setTitle(new AbstractCartesianScaleOptions.Title().setDisplay(true).setText(yTitle));
        if (yMax != null) {
            y.setMax(yMax);
        }
        return options.setResponsive(true).setMaintainAspectRatio(false).setAnimation(false)
                .setScales(new Scales().addScale("y", y))
                .setPlugins(new Plugins().setLegend(new LegendOptions().setPosition("bottom")));
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 10) / 10.0;
    }
}
