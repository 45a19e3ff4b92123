package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.progress.ProgressFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.openqa.selenium.support.ui.ExpectedConditions;

/** A demo patient's progress page in real headless Chromium at phone width: Chart.js draws on the canvases. */
@PortalTest
class ProgressChartJourneyTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    ProgressFixtures progress;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    @Test
    void a_demo_patient_sees_chart_js_charts_drawn_with_their_datasets() {
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));

        browser.driver.get("http://localhost:" + port + "/progress");
        WebElement cramps = browser.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.id("cramps-chart")));
        browser.waitUpTo(30).until(d -> js("return arguments[0].chart != null", cramps).equals(Boolean.TRUE));

        assertThat(js("return arguments[0].chart.data.datasets.length", cramps)).isEqualTo(1L);
        long weeks = ((Number) js("return arguments[0].chart.data.labels.length", cramps)).longValue();
        assertThat(weeks).as("12 weeks, or fewer if her diary began later").isBetween(10L, 12L);
        assertThat(js("return arguments[0].chart.canvas === arguments[0].querySelector('canvas')", cramps))
                .isEqualTo(Boolean.TRUE);
        assertThat(((Number) js("return arguments[0].querySelector('canvas').width", cramps)).intValue()).isPositive();
        WebElement intensity = browser.driver.findElement(By.id("intensity-chart"));
        browser.waitUpTo(30).until(d -> js("return arguments[0].chart != null", intensity).equals(Boolean.TRUE));
        assertThat(js("return arguments[0].chart.data.datasets.length", intensity)).isEqualTo(2L);
        assertThat(((Number) js("return arguments[0].getBoundingClientRect().width", cramps)).doubleValue())
                .as("fits a phone").isLessThanOrEqualTo(360);

        browser.driver.findElement(By.id("range-four-weeks")).click();
        browser.waitUpTo(30).until(d -> Long.valueOf(4).equals(js(
                "const c = document.getElementById('cramps-chart'); return c.chart && c.chart.data.labels.length")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void plan_labels_a_week_apart_stay_inside_the_chart_and_never_overlap_at_phone_width() {
        PlanFixtures.FreshPatient patient = progress.newPatient();
        LocalDate thisWeek = progress.currentWeek();
        progress.record(patient, ProgressFixtures.days(thisWeek.minusWeeks(3), 18), 1, 4);
        progress.startPlan(patient, thisWeek.minusWeeks(2));
        progress.nextVersion(patient, 1, thisWeek.minusWeeks(1));
        progress.nextVersion(patient, 2, thisWeek);

        browser.signIn(patient.email(), Demo.FIXTURE_PASSWORD);
        browser.open("progress");
        WebElement cramps = browser.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.id("cramps-chart")));
        assertThat(browser.drawnPixels(cramps)).isPositive();
        browser.waitUpTo(10).until(d -> js("return !!arguments[0].chart.$physioLabels", cramps).equals(Boolean.TRUE));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", cramps);
        browser.screenshot("chart-plan-labels-phone");

        List<Map<String, Number>> labels = (List<Map<String, Number>>) js("return arguments[0].chart.$physioLabels", cramps);
        Map<String, Number> area = (Map<String, Number>) js(
                "const a = arguments[0].chart.chartArea; return {left: a.left, right: a.right}", cramps);
        assertThat(labels).hasSize(3);
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Number> label = labels.get(i);
            assertThat(label.get("left").doubleValue()).as("label %d inside on the left", i)
                    .isGreaterThanOrEqualTo(area.get("left").doubleValue());
            assertThat(label.get("right").doubleValue()).as("label %d inside on the right", i)
                    .isLessThanOrEqualTo(area.get("right").doubleValue() + 0.5);
            for (int j = 0; j < i; j++) {
                Map<String, Number> other = labels.get(j);
                boolean sameRow = label.get("row").intValue() == other.get("row").intValue();
                boolean apart = label.get("left").doubleValue() >= other.get("right").doubleValue()
                        || label.get("right").doubleValue() <= other.get("left").doubleValue();
                assertThat(!sameRow || apart).as("labels %d and %d overlap: %s", j, i, labels).isTrue();
            }
        }
    }

    /** Pixel rows on the first plan-version line of the chart painted in (about) the given colour. */
    private long markerRowsIn(WebElement chart, List<Integer> rgb) {
        return ((Number) js("""
                const chart = arguments[0].chart;
                const marker = chart.$physioOverlay.markers[0];
                const x = chart.scales.x;
                const step = chart.data.labels.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0)
                    : chart.chartArea.right - chart.chartArea.left;
                const px = x.getPixelForValue(0) + marker.position * step;
                const ratio = chart.currentDevicePixelRatio || 1;
                const ctx = chart.canvas.getContext('2d');
                const [r, g, b] = arguments[1];
                let rows = 0;
                for (let y = Math.ceil(chart.chartArea.top); y < chart.chartArea.bottom; y++) {
                  const d = ctx.getImageData(Math.round((px - 2) * ratio), Math.round(y * ratio), Math.ceil(4 * ratio), 1).data;
                  for (let i = 0; i < d.length; i += 4) {
                    if (d[i + 3] > 200 && Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 40) {
                      rows++;
                      break;
                    }
                  }
                }
                return rows;""", chart, rgb)).longValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> overlayColours(WebElement chart) {
        return (Map<String, String>) js("return arguments[0].chart.$physioColours", chart);
    }

    @Test
    void in_the_dark_scheme_the_plan_version_lines_and_the_hatched_weeks_are_drawn_in_the_dark_palette() {
        // Linda stopped logging: her chart has plan versions and weeks with too few nights.
        browser.signIn(Demo.PATIENT4, Demo.PASSWORD);
        try {
            browser.colourScheme("light");
            browser.open("progress");
            WebElement cramps = browser.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("cramps-chart")));
            assertThat(browser.drawnPixels(cramps)).isPositive();
            assertThat(((Number) js("return arguments[0].chart.$physioOverlay.markers.length", cramps)).intValue())
                    .as("Linda's chart shows plan versions").isPositive();
            assertThat(((Number) js("return arguments[0].chart.$physioOverlay.gaps.length", cramps)).intValue())
                    .as("and weeks with too few nights").isPositive();
            browser.js("arguments[0].scrollIntoView({block: 'center'})", cramps);
            browser.screenshot("chart-overlay-light-phone");
            assertThat(overlayColours(cramps)).containsEntry("marker", "rgb(125, 60, 152)")
                    .containsEntry("hatch", "rgba(120, 120, 120, 0.35)");
            assertThat(markerRowsIn(cramps, List.of(125, 60, 152))).as("light purple line drawn").isGreaterThan(20);
            Object lightText = js("return arguments[0].chart.options.color", cramps);
            Object lightGrid = js("return arguments[0].chart.options.scales.y.grid.color", cramps);

            // Switching the scheme on the page redraws the overlay in the dark palette.
            browser.colourScheme("dark");
            browser.waitUpTo(10).until(d -> "rgb(215, 166, 238)".equals(overlayColours(cramps).get("marker")));
            assertThat(overlayColours(cramps)).containsEntry("hatch", "rgba(200, 214, 232, 0.4)");
            // The chart's own text and grid take the dark palette too, set on this chart, not Chart.js's globals.
            assertThat(js("return arguments[0].chart.options.color", cramps)).isNotEqualTo(lightText);
            assertThat(js("return arguments[0].chart.options.scales.y.grid.color", cramps)).isNotEqualTo(lightGrid);
            assertThat(markerRowsIn(cramps, List.of(215, 166, 238))).as("light-on-dark purple line drawn")
                    .isGreaterThan(20);
            assertThat(markerRowsIn(cramps, List.of(125, 60, 152))).as("no dark purple left on the dark page")
                    .isZero();
            browser.js("arguments[0].scrollIntoView({block: 'center'})", cramps);
            browser.screenshot("chart-overlay-dark-phone");

            // And a page loaded in dark draws it so from the start.
            browser.open("progress");
            WebElement again = browser.waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("cramps-chart")));
            browser.drawnPixels(again);
            assertThat(overlayColours(again)).containsEntry("marker", "rgb(215, 166, 238)");
        } finally {
            browser.js("localStorage.removeItem('physio-theme')");
        }
    }
}
