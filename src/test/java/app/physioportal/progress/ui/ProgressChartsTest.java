package app.physioportal.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.Trigger;
import app.physioportal.progress.ProgressRange;
import app.physioportal.progress.ProgressReport;
import app.physioportal.progress.ProgressReport.PlanMarker;
import app.physioportal.progress.ProgressReport.StretchComparison;
import app.physioportal.progress.ProgressReport.Week;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Chart.js configurations the server sends: chart types, datasets, labels and gaps as nulls. */
class ProgressChartsTest {

    static final app.physioportal.clinic.Clinic CLINIC = new app.physioportal.clinic.Clinic(
            java.time.Clock.systemUTC(), java.time.ZoneId.of("Europe/London"), "en-GB", "Test clinic");

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate MONDAY = LocalDate.of(2026, 10, 5);

    static final ProgressReport REPORT = new ProgressReport(1L, ProgressRange.FOUR_WEEKS, MONDAY,
            MONDAY.plusDays(23), List.of(
                    new Week(MONDAY, 7, 21, 3.0, 21.0, 7.0, 9, null, false),
                    new Week(MONDAY.plusWeeks(1), 2, 4, null, null, null, null, 40, true),
                    new Week(MONDAY.plusWeeks(2), 6, 3, 0.5, 3.5, 4.25, 5, 86, false),
                    new Week(MONDAY.plusWeeks(3), 3, 1, 1 / 3.0, 7 / 3.0, 3.0, 3, 100, false)),
            List.of(new PlanMarker(1, MONDAY.plusDays(10), MONDAY.plusWeeks(1))),
            Map.of(CrampLocation.CALF, 20, CrampLocation.FOOT, 9), Map.of(Trigger.DEHYDRATION, 4),
            null, 3, new StretchComparison(0, 0, 0, 0));

    static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void cramps_per_week_is_a_bar_chart_with_one_dataset_and_empty_thin_weeks() throws Exception {
        JsonNode chart = parse(ProgressCharts.cramps(REPORT, CLINIC));
        assertThat(chart.path("type").asText()).isEqualTo("bar");
        assertThat(chart.path("data").path("labels")).extracting(JsonNode::asText)
                .containsExactly("5 Oct", "12 Oct", "19 Oct", "26 Oct");
        JsonNode datasets = chart.path("data").path("datasets");
        assertThat(datasets).hasSize(1);
        assertThat(datasets.get(0).path("label").asText()).isEqualTo("Cramps per week");
        JsonNode data = datasets.get(0).path("data");
        assertThat(data.get(0).asDouble()).isEqualTo(21.0);
        assertThat(data.get(1).isNull()).as("too few nights is a gap, not zero").isTrue();
        assertThat(data.get(3).asDouble()).isEqualTo(2.3);
        assertThat(chart.path("options").path("maintainAspectRatio").asBoolean(true)).isFalse();
    }

    @Test
    void intensity_has_mean_and_worst_lines_on_a_0_to_10_axis() throws Exception {
        JsonNode chart = parse(ProgressCharts.intensity(REPORT, CLINIC));
        assertThat(chart.path("type").asText()).isEqualTo("line");
        assertThat(chart.path("data").path("datasets")).extracting(d -> d.path("label").asText())
                .containsExactly("Mean intensity", "Worst intensity");
        assertThat(chart.path("data").path("datasets").get(1).path("data").get(0).asInt()).isEqualTo(9);
        assertThat(chart.path("options").path("scales").path("y").path("max").asInt()).isEqualTo(10);
    }

    @Test
    void adherence_is_a_percentage_bar_per_week_empty_before_the_plan() throws Exception {
        JsonNode chart = parse(ProgressCharts.adherence(REPORT, CLINIC));
        JsonNode data = chart.path("data").path("datasets").get(0).path("data");
        assertThat(data.get(0).isNull()).isTrue();
        assertThat(data.get(2).asInt()).isEqualTo(86);
        assertThat(chart.path("options").path("scales").path("y").path("max").asInt()).isEqualTo(100);
    }

    @Test
    void locations_and_triggers_are_horizontal_bars_over_every_category() throws Exception {
        JsonNode where = parse(ProgressCharts.locations(REPORT));
        assertThat(where.path("options").path("indexAxis").asText()).isEqualToIgnoringCase("y");
        assertThat(where.path("data").path("labels")).extracting(JsonNode::asText)
                .containsExactly("Calf", "Foot", "Thigh / hamstring");
        assertThat(where.path("data").path("datasets").get(0).path("data")).extracting(JsonNode::asInt)
                .containsExactly(20, 9, 0);
        JsonNode why = parse(ProgressCharts.triggers(REPORT));
        assertThat(why.path("data").path("labels")).hasSize(Trigger.values().length);
    }

    @Test
    void the_overlay_hatches_thin_weeks_and_marks_the_plan_start_day() throws Exception {
        JsonNode overlay = parse(ProgressCharts.weeklyOverlay(REPORT).toJson());
        assertThat(overlay.path("gaps")).extracting(JsonNode::asInt).containsExactly(1);
        assertThat(overlay.path("markers")).hasSize(1);
        assertThat(overlay.path("markers").get(0).path("label").asText()).isEqualTo("Plan v1");
        assertThat(overlay.path("markers").get(0).path("position").asDouble()).isEqualTo(1 - 0.5 + 3 / 7.0);
    }
}
