package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.security.LinkFixtures;
import app.physioportal.security.PasswordResets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe-core on every main page, as the demo user who would open it, at 360 px: no serious or critical
 * WCAG 2.1 A/AA violation, no sideways scrolling, and every control a tap target of at least 44 px. The quick
 * log works with the keyboard alone.
 */
@PortalTest
class AccessibilityTest extends BrowserTest {

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LinkFixtures links;

    @Autowired
    PasswordResets resets;

    /**
     * What a finger taps: buttons, disclosure summaries, tabs, check boxes, radio buttons, and links that stand on
     * their own (a link inside a sentence is exempt, as WCAG 2.5.8 allows).
     */
    static final String CONTROLS = "vaadin-button, vaadin-details-summary, vaadin-tab, vaadin-checkbox, "
            + "vaadin-radio-button, a[href]:not(p a):not(li a)";

    /** Scans each path (after waiting for the element with the given id) and asserts the whole set at the end. */
    private void scan(String who, Map<String, String> pathToContentId) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<String> sideways = new ArrayList<>();
        Map<String, List<String>> smallTargets = new LinkedHashMap<>();
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        for (var page : pathToContentId.entrySet()) {
            browser.open(page.getKey());
            browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id(page.getValue())));
            browser.settle();
            String name = "a11y-" + who + "-" + (page.getKey().isEmpty() ? "home" : page.getKey().replaceAll("[/?=]", "_"));
            browser.screenshot(name + "-phone");
            List<String> serious = browser.seriousViolations(who + " /" + page.getKey());
            if (!serious.isEmpty()) {
                problems.put(page.getKey(), serious);
            }
            if (browser.scrollsSideways()) {
                sideways.add(page.getKey() + ": " + browser.sidewaysOffenders());
            }
            List<String> small = browser.smallTapTargets(CONTROLS);
            if (!small.isEmpty()) {
                smallTargets.put(page.getKey(), small);
            }
            List<String> csp = browser.cspViolations();
            if (!csp.isEmpty()) {
                blocked.put(page.getKey(), csp);
            }
        }
        assertThat(blocked).as("Content-Security-Policy violations (the page would break under the policy)").isEmpty();
        assertThat(problems).as("serious or critical axe violations").isEmpty();
        assertThat(sideways).as("pages scrolling sideways at 360 px").isEmpty();
        assertThat(smallTargets).as("controls under " + Browser.TAP_TARGET + " px at 360 px").isEmpty();
    }

    @Test
    void the_pages_an_email_opens_without_signing_in_have_no_serious_accessibility_violations() {
        browser.driver.manage().deleteAllCookies();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("check-in?t=an-old-link", "check-in-unknown");
        pages.put("unsubscribe?t=an-old-link", "unsubscribe-invalid");
        var invited = links.invite("Axel Access");
        pages.put("welcome?t=" + invited.token(), "welcome-text");
        pages.put("welcome?t=an-old-link", "link-refused");
        var person = links.person();
        links.asAdmin(() -> resets.sendLink(person.id()));
        pages.put("reset-password?t=" + links.token(person.email(), "reset-password"), "reset-text");
        pages.put("confirm-email?t=an-old-link", "link-refused");
        pages.put("forgot-password", "forgot-email");
        scan("email-link", pages);
    }

    @Test
    void the_sign_in_page_has_no_serious_accessibility_violations() {
        browser.driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        browser.screenshot("a11y-login-phone");
        assertThat(browser.seriousViolations("login")).isEmpty();
        assertThat(browser.scrollsSideways()).isFalse();
        assertThat(browser.cspViolations()).as("the policy lets the sign-in page work").isEmpty();

        // The watch itself works: a picture from another site is blocked and reported.
        browser.js("const picture = new Image(); picture.src = 'https://elsewhere.example/pixel.png';"
                + "document.body.appendChild(picture);");
        browser.waitUpTo(10).until(d -> !browser.cspViolations().isEmpty());
        assertThat(browser.cspViolations()).anySatisfy(v -> assertThat(v).startsWith("img-src blocked "
                + "https://elsewhere.example/pixel.png"));
    }

    @Test
    void a_patients_pages_have_no_serious_accessibility_violations() {
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("today", "today-view");
        pages.put("diary", "diary-view");
        pages.put("diary/log", "quick-log-view");
        pages.put("progress", "cramps-chart");
        pages.put("appointments", "signed-in-name");
        pages.put("plan/history", "signed-in-name");
        pages.put("account", "account-view");
        pages.put("account/data", "data-download-view");
        pages.put("account/reminders", "reminder-settings-view");
        pages.put("messages", "message-list");
        // A mistyped address: the portal's own page, in the frame, with Log a cramp.
        pages.put("diray", "not-found");
        scan("patient", pages);
        assertThat(browser.inViewport("#log-cramp-nav")).as("Log a cramp on the not-found page").isTrue();
    }

    @Test
    void a_physios_pages_have_no_serious_accessibility_violations() {
        long margaret = ids.idOf(Demo.PATIENT1);
        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("caseload", "caseload-list");
        pages.put("patients/" + margaret, "patient-tabs");
        pages.put("patients/" + margaret + "/plan", "signed-in-name");
        pages.put("schedule", "signed-in-name");
        pages.put("inbox", "inbox-list");
        pages.put("patients/" + ids.idOf(Demo.PATIENT3) + "?tab=messages", "message-list");
        pages.put("account", "account-view");
        pages.put("account/reminders", "reminder-settings-view");
        scan("physio", pages);
    }

    @Test
    void the_admins_pages_have_no_serious_accessibility_violations() {
        browser.signIn(Demo.ADMIN, Demo.PASSWORD);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("admin/accounts", "signed-in-name");
        pages.put("admin/audit", "signed-in-name");
        pages.put("admin/outbox", "outbox-view");
        pages.put("account", "account-view");
        scan("admin", pages);
    }

    @Test
    void in_the_dark_scheme_a_patients_and_a_physios_pages_keep_contrast_and_the_choice_is_remembered() {
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        browser.js("localStorage.setItem('physio-theme', 'dark')");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("today", "today-view");
        pages.put("diary", "diary-view");
        pages.put("diary/log", "quick-log-view");
        pages.put("progress", "cramps-chart");
        pages.put("account", "account-view");
        pages.put("messages", "message-list");
        try {
            scan("dark-patient", pages);
            assertThat(browser.js("return document.documentElement.getAttribute('theme')")).isEqualTo("dark");
            assertThat(browser.driver.findElement(By.id("colour-scheme-toggle")).getDomProperty("ariaLabel"))
                    .contains("dark");

            browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
            Map<String, String> physio = new LinkedHashMap<>();
            physio.put("caseload", "caseload-list");
            physio.put("patients/" + ids.idOf(Demo.PATIENT3), "patient-tabs");
            physio.put("inbox", "inbox-list");
            physio.put("patients/" + ids.idOf(Demo.PATIENT3) + "?tab=messages", "message-list");
            scan("dark-physio", physio);
        } finally {
            browser.js("localStorage.removeItem('physio-theme')");
        }
    }

    @Test
    void with_text_at_200_percent_the_patients_pages_still_fit_a_phone_without_sideways_scrolling() {
        // The daytime pages (the small hours' Today is another layout): 15:00 today, clinic time, at any hour.
        java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
        testClock.pin(java.time.LocalDate.now(london).atTime(15, 0).atZone(london).toInstant());
        try {
            fitsAtDoubleText();
        } finally {
            testClock.release();
        }
    }

    @Autowired
    app.physioportal.TestClock testClock;

    private void fitsAtDoubleText() {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        chrome.executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 32, "fixed", 26)));
        List<String> sideways = new ArrayList<>();
        try {
            for (String path : List.of("today", "diary", "diary/log", "progress", "appointments", "account")) {
                browser.open(path);
                browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
                browser.settle();
                assertThat(((Number) browser.js(
                        "return parseFloat(getComputedStyle(document.documentElement).fontSize)")).doubleValue())
                        .as("text is doubled").isGreaterThanOrEqualTo(32);
                browser.screenshot("text-200-" + path.replace('/', '_') + "-phone");
                if (browser.scrollsSideways()) {
                    sideways.add(path + ": " + browser.sidewaysOffenders());
                }
            }
        } finally {
            chrome.executeCdpCommand("Page.setFontSizes", Map.of("fontSizes", Map.of("standard", 16, "fixed", 13)));
        }
        assertThat(sideways).as("pages scrolling sideways at 360 px with 200% text").isEmpty();
    }

    private void tabTo(String id) {
        for (int presses = 0; presses < 60; presses++) {
            if (id.equals(browser.js("return document.activeElement && document.activeElement.id"))) {
                return;
            }
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    @Test
    void the_quick_log_can_be_filled_in_and_saved_with_the_keyboard_alone() {
        long patient = ids.idOf(Demo.PATIENT2);
        Integer before = jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class,
                patient);
        browser.signIn(Demo.PATIENT2, Demo.PASSWORD);
        browser.open("diary/log");
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("intensity-6")));
        browser.settle();

        tabTo("intensity-6");
        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        tabTo("location-CALF");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        tabTo("save-cramp");
        browser.screenshot("keyboard-quick-log-phone");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();

        browser.waitUpTo(20).until(ExpectedConditions.urlMatches(".*/diary$"));
        browser.settle();
        browser.screenshot("keyboard-quick-log-saved-phone");
        var newest = browser.waitUpTo(20)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".night-card")));
        assertThat(newest.getAttribute("textContent")).contains("Calf · 6/10");
        assertThat(jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class,
                patient)).isEqualTo(before + 1);
    }
}
