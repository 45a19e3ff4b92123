package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.openqa.selenium.support.ui.ExpectedConditions;

/** A demo patient's progress page in real headless Chromium at phone width: Chart.js draws on the canvases. */
@PortalTest
class ProgressChartJourneyTest extends BrowserTest {

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
        assertThat(js("return arguments[0].chart.data.labels.length", cramps)).isEqualTo(12L);
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
}
