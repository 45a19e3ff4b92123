package app.physioportal.e2e;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Browser timings of issue 9, reported and never asserted: for each main page, the time from the start of
 * the navigation (performance.now() is 0 there) to the page's main content being shown, in headless
 * Chromium at phone size. A script installed before each document checks on every animation frame
 * whether the page's main content is there and laid out, and records performance.now() the first time it
 * is. One first load of each page is reported apart, then five loads give median, min and max.
 *
 * <p>By default it measures the test application on its random port (development mode with the committed
 * dev bundle, embedded H2). {@code -Dtimings.baseUrl=http://localhost:8080} measures another running
 * portal instead, e.g. the production jar with the demo clinic; the output says which build it measured.
 */
@PortalTest
class PageTimingsTest {

    private static final int RUNS = 5;
    private static final String VISIBLE = """
            function shown(selector) {
              const e = document.querySelector(selector);
              if (!e) return false;
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
            }
            function drawn(selector) {
              const e = document.querySelector(selector);
              return !!e && !!e.chart && e.querySelector('canvas').width > 0 && shown(selector);
            }
            """;

    @LocalServerPort
    int port;

    private record Page(String name, String path, String ready) {
    }

    private record Timing(double contentShown, double responseStart, double domContentLoaded) {
    }

    @Test
    void prints_the_time_from_navigation_to_each_main_pages_content() {
        String override = System.getProperty("timings.baseUrl");
        String baseUrl = override == null || override.isBlank() ? "http://localhost:" + port : override;
        Browser browser = Browser.start(baseUrl);
        try {
            browser.driver.manage().deleteAllCookies();
            Map<String, List<Timing>> results = new LinkedHashMap<>();
            Map<String, Timing> first = new LinkedHashMap<>();
            measure(browser, new Page("login", "login", "shown(\"input[name='username']\")"), first, results);
            String mode = String.valueOf(browser.js(
                    "return window.Vaadin && window.Vaadin.developmentMode ? 'development mode' : 'production mode'"));

            browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
            measure(browser, new Page("today", "today", "shown('#today-plan')"), first, results);
            measure(browser, new Page("quick log", "diary/log", "shown('#save-cramp')"), first, results);
            measure(browser, new Page("diary", "diary", "shown('.night-card')"), first, results);
            measure(browser, new Page("progress", "progress", "drawn('#cramps-chart')"), first, results);
            measure(browser, new Page("appointments", "appointments", "shown('#open-slots')"), first, results);

            browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
            measure(browser, new Page("caseload", "caseload", "shown('#caseload-list .card')"), first, results);
            WebElement margaret = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[starts-with(@id, 'patient-link-')][normalize-space()='Margaret Ellis']")));
            String patient = margaret.getAttribute("id").substring("patient-link-".length());
            measure(browser, new Page("patient page", "patients/" + patient, "drawn('#patient-view physio-chart')"),
                    first, results);
            measure(browser, new Page("plan editor", "patients/" + patient + "/plan", "shown(\"[id^='hold-'] input\")"),
                    first, results);

            System.out.println("TIMING build: " + baseUrl + (override == null || override.isBlank()
                    ? " = the test application on its random port (embedded H2, committed dev bundle)"
                    : " = given by -Dtimings.baseUrl") + "; the page reports Vaadin " + mode);
            System.out.println("TIMING navigation start -> main content shown, headless Chromium "
                    + Browser.PHONE_WIDTH + "x" + Browser.PHONE_HEIGHT + ", " + RUNS + " loads after a first one; ms");
            System.out.println(String.format("TIMING %-13s %7s %7s %7s %7s %9s %9s", "page", "median", "min", "max",
                    "first", "ttfb-med", "dcl-med"));
            results.forEach((name, timings) -> {
                List<Double> shown = timings.stream().map(Timing::contentShown).sorted().toList();
                System.out.println(String.format("TIMING %-13s %7.0f %7.0f %7.0f %7.0f %9.0f %9.0f", name,
                        median(shown), shown.getFirst(), shown.getLast(), first.get(name).contentShown(),
                        median(timings.stream().map(Timing::responseStart).sorted().toList()),
                        median(timings.stream().map(Timing::domContentLoaded).sorted().toList())));
            });
        } finally {
            browser.quit();
        }
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One first load, then {@link #RUNS} measured loads of the page. */
    private void measure(Browser browser, Page page, Map<String, Timing> first, Map<String, List<Timing>> results) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        String watcher = "(function () {" + VISIBLE + """
                  function check() {
                    try {
                      if (%s) { window.__mainContentShownAt = performance.now(); return; }
                    } catch (e) { /* not there yet */ }
                    requestAnimationFrame(check);
                  }
                  requestAnimationFrame(check);
                })();""".formatted(page.ready());
        Object id = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", watcher))
                .get("identifier");
        try {
            first.put(page.name(), load(browser, page));
            List<Timing> runs = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                runs.add(load(browser, page));
            }
            results.put(page.name(), runs);
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
    }

    private Timing load(Browser browser, Page page) {
        browser.open(page.path());
        Number shown = browser.waitUpTo(60).until(d -> (Number) browser.js(
                "return typeof window.__mainContentShownAt === 'number' ? window.__mainContentShownAt : null"));
        @SuppressWarnings("unchecked")
        Map<String, Number> navigation = (Map<String, Number>) browser.js("""
                const n = performance.getEntriesByType('navigation')[0];
                return {responseStart: n.responseStart, domContentLoaded: n.domContentLoadedEventEnd};""");
        if (!browser.driver.getCurrentUrl().contains(page.path())) {
            throw new IllegalStateException(page.name() + " ended at " + browser.driver.getCurrentUrl());
        }
        return new Timing(shown.doubleValue(), navigation.get("responseStart").doubleValue(),
                navigation.get("domContentLoaded").doubleValue());
    }
}
