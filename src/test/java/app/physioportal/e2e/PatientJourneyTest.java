package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.diary.Nights;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey 1 of issue 9 as one test, on a 360 x 640 phone: Susan Clarke signs in, sees Today, ticks a
 * stretch, logs a cramp from the top bar, answers the morning question with "No cramps", sees her progress
 * chart drawn, books a follow-up and signs out. Every page is screenshotted (phone and desktop, some dark),
 * scanned with axe-core (no serious or critical violation), and checked as a phone: no sideways scrolling,
 * main buttons at least 44 px, "Log a cramp" on screen.
 */
@PortalTest
class PatientJourneyTest extends BrowserTest {

    private static final DateTimeFormatter NIGHT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    /** The buttons of the top bar every patient page has. */
    private static final String TOP_BAR = "#log-cramp-nav, #sign-out, #colour-scheme-toggle, vaadin-drawer-toggle";

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Nights nights;

    @Autowired
    Clock clock;

    private final Map<String, Browser.AxeResult> axe = new LinkedHashMap<>();
    private final List<String> phoneProblems = new ArrayList<>();

    /**
     * Looks at the page as it stands: phone checks, axe, screenshots (phone, desktop and, if asked, dark).
     * Problems are collected, so one run reports every page; the journey asserts them at the end.
     */
    private void look(String page, String mainButtons, String reachable, boolean dark) {
        browser.settle();
        browser.toTop();
        if (browser.scrollsSideways()) {
            phoneProblems.add(page + " scrolls sideways at 360 px: " + browser.sidewaysOffenders());
        }
        if (browser.shownCount(mainButtons) == 0) {
            phoneProblems.add(page + ": none of the main buttons is shown (" + mainButtons + ")");
        }
        List<String> small = browser.smallTapTargets(mainButtons);
        if (!small.isEmpty()) {
            phoneProblems.add(page + ": tap targets under " + Browser.TAP_TARGET + " px: " + small);
        }
        if (reachable != null) {
            boolean atTop = browser.inViewport(reachable);
            browser.toBottom();
            boolean atBottom = browser.inViewport(reachable);
            browser.toTop();
            if (!atTop || !atBottom) {
                phoneProblems.add(page + ": " + reachable + " not on screen" + (atTop ? " at the bottom" : " at the top"));
            }
        }
        axe.put(page, browser.axe("patient journey " + page));
        browser.screenshotPhoneAndDesktop("journey-patient-" + page);
        if (dark) {
            browser.colourScheme("dark");
            browser.toTop();
            browser.screenshot("journey-patient-" + page + "-dark-phone");
            axe.put(page + " (dark)", browser.axe("patient journey " + page + " (dark)"));
            browser.colourScheme("light");
        }
    }

    private void tap(String id) {
        WebElement button = browser.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }

    private String text(String selector) {
        return browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector)))
                .getText();
    }

    private int upcomingCards() {
        return browser.driver.findElements(By.cssSelector("#upcoming-appointments .appointment-card")).size();
    }

    @Test
    void a_patient_on_a_phone_ticks_a_stretch_logs_a_cramp_checks_in_sees_progress_books_and_signs_out() {
        long susan = ids.idOf(Demo.PATIENT6);
        LocalDate lastNight = nights.lastNight(clock);
        // Known state: last night is not in Susan's diary yet, so Today asks about it.
        jdbc.update("delete from cramp_entry where patient_id = ? and night_date = ?", susan, lastNight);
        jdbc.update("delete from night_check_in where patient_id = ? and night_date = ?", susan, lastNight);
        // She may book online while she has fewer than two upcoming appointments (app.booking.max-future-appointments).
        jdbc.update("update appointment set status = 'CANCELLED', active_start = null, cancelled_by = 'journey test',"
                + " cancelled_at = current_timestamp where patient_id = ? and status = 'BOOKED' and starts_at > current_timestamp"
                + " and id not in (select id from (select id from appointment where patient_id = ? and status = 'BOOKED'"
                + " and starts_at > current_timestamp order by starts_at limit 1) first_one)", susan, susan);
        int crampsBefore = jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class,
                susan);
        browser.usePhoneSize(360, 640);
        assertThat(browser.js("return window.innerWidth + 'x' + window.innerHeight")).isEqualTo("360x640");
        try {
            journey(susan, lastNight, crampsBefore);
        } finally {
            browser.js("localStorage.removeItem('physio-theme')");
            browser.usePhoneSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
            axe.values().forEach(r -> System.out.println("AXE-SUMMARY " + r.page() + ": " + r.byImpact()));
        }
        assertThat(axe.values().stream().filter(r -> !r.serious().isEmpty()).map(r -> r.page() + " " + r.serious()))
                .as("serious or critical axe violations on the journey's pages").isEmpty();
        assertThat(phoneProblems).as("phone problems on the journey's pages").isEmpty();
    }

    private void journey(long susan, LocalDate lastNight, int crampsBefore) {
        // Sign in.
        browser.driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        look("login", "input[name='username'], input[name='password'], vaadin-button[slot='submit']", null, true);
        browser.signIn(Demo.PATIENT6, Demo.PASSWORD);

        // Today: her name, the morning question about last night, tonight's plan.
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("today-plan")));
        browser.settle();
        assertThat(text("#today-view h2, #today-view .view-title")).contains("Susan");
        assertThat(text("#morning-check-in")).contains("How was last night?")
                .contains("The night of " + NIGHT.format(lastNight));
        if (browser.driver.findElements(By.cssSelector("vaadin-button[id^='done-']")).isEmpty()) {
            // Everything already ticked today (a rerun on a kept database): take one tick back first.
            tap(browser.driver.findElement(By.cssSelector("vaadin-button[id^='undo-']")).getAttribute("id"));
            browser.waitUpTo(10).until(d -> !d.findElements(By.cssSelector("vaadin-button[id^='done-']")).isEmpty());
        }
        look("today", TOP_BAR + ", vaadin-button[id^='done-'], #checkin-no-cramps, #checkin-had-cramps",
                "#log-cramp-nav", true);

        // Mark an exercise done: the card says so.
        WebElement markDone = browser.driver.findElement(By.cssSelector("vaadin-button[id^='done-']"));
        String exercise = markDone.getAttribute("id").substring("done-".length());
        String exerciseName = browser.driver.findElement(By.id("item-" + exercise)).findElement(By.cssSelector(".card-title"))
                .getText();
        tap("done-" + exercise);
        assertThat(text("#done-label-" + exercise)).containsAnyOf("Done tonight", "Done today");
        assertThat(browser.driver.findElement(By.id("item-" + exercise)).getAttribute("class")).contains("done");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", browser.driver.findElement(By.id("item-" + exercise)));
        browser.screenshot("journey-patient-today-done-" + exerciseName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")
                + "-phone");
        look("today-done", TOP_BAR + ", #undo-" + exercise, "#log-cramp-nav", false);

        // Quick-log a cramp from the top bar. Logged now, before noon it would belong to last night, which
        // the morning check-in is about to call cramp-free (the night rule refuses that): then it is an
        // earlier night's cramp, remembered late.
        tap("log-cramp-nav");
        browser.waitUpTo(20).until(ExpectedConditions.urlContains("/diary/log"));
        browser.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id("intensity-6")));
        LocalDate crampNight = nights.currentNight(clock);
        if (crampNight.equals(lastNight)) {
            crampNight = lastNight.minusDays(1);
            // As a picked date and time: the field tells the server on "change".
            browser.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new CustomEvent('change'))",
                    browser.driver.findElement(By.id("occurred-at")), crampNight + "T23:30");
            browser.settle();
        }
        look("quick-log", TOP_BAR + ", [id^='intensity-'], [id^='location-'], #save-cramp", "#save-cramp", true);
        tap("intensity-6");
        tap("location-CALF");
        tap("save-cramp");
        browser.waitUpTo(20).until(ExpectedConditions.urlMatches(".*/diary$"));
        String notice = browser.waitUpTo(10).until(d -> {
            String shown = String.valueOf(browser.js(
                    "const c = document.querySelector('vaadin-notification-card'); return c ? c.innerText : ''"));
            return shown.contains("Cramp saved") ? shown : null;
        });
        assertThat(notice).contains("Cramp saved for the night of " + NIGHT.format(crampNight));
        assertThat(text("#night-" + crampNight)).contains("Calf · 6/10");
        assertThat(jdbc.queryForObject("select count(*) from cramp_entry where patient_id = ?", Integer.class, susan))
                .isEqualTo(crampsBefore + 1);
        look("diary-cramp-logged", TOP_BAR + ", #diary-log-cramp", "#log-cramp-nav", false);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", browser.driver.findElement(By.id("night-" + crampNight)));
        browser.screenshot("journey-patient-diary-cramp-logged-night-phone");

        // Morning check-in on Today: last night had no cramps.
        browser.open("today");
        tap("checkin-no-cramps");
        assertThat(text("#check-in-thanks")).isEqualTo("Thank you. The night of " + NIGHT.format(lastNight)
                + " is in your diary as cramp-free.");
        assertThat(jdbc.queryForObject("select cramp_free from night_check_in where patient_id = ? and night_date = ?",
                Boolean.class, susan, lastNight)).isTrue();
        look("today-checked-in", TOP_BAR, "#log-cramp-nav", false);
        browser.open("diary");
        assertThat(text("#night-" + lastNight)).contains("Cramp-free");

        // Progress: the chart is drawn.
        browser.open("progress");
        WebElement cramps = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("cramps-chart")));
        assertThat(browser.drawnPixels(cramps)).as("painted pixels on the cramps chart").isGreaterThan(500);
        assertThat(((Number) browser.js("return arguments[0].chart.data.datasets[0].data.length", cramps)).intValue())
                .isPositive();
        look("progress", TOP_BAR + ", [id^='range-']", "#log-cramp-nav", true);

        // Book a follow-up: the new appointment is listed under Upcoming.
        browser.open("appointments");
        WebElement slot = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#open-slots .slot-button")));
        browser.settle();
        int before = upcomingCards();
        look("appointments", TOP_BAR + ", #open-slots .slot-button", "#log-cramp-nav", true);
        String slotId = slot.getAttribute("id");
        String time = slot.getText();
        tap(slotId);
        String question = text("#booking-confirm-text");
        assertThat(question).startsWith("Book ").endsWith(" at " + time + "?");
        String day = question.substring("Book ".length(), question.lastIndexOf(" at "));
        look("appointments-confirm", TOP_BAR + ", #confirm-booking, #cancel-choice", "#log-cramp-nav", false);
        tap("confirm-booking");
        browser.waitUpTo(20).until(d -> upcomingCards() == before + 1);
        assertThat(browser.driver.findElements(By.id(slotId))).isEmpty();
        assertThat(browser.driver.findElement(By.id("upcoming-appointments")).getAttribute("textContent"))
                .contains(day + ", " + time + "–");
        look("appointments-booked", TOP_BAR, "#log-cramp-nav", false);

        // Who has seen my record: from My account, each opening by someone at the clinic, in words.
        browser.open("account");
        tap("access-history-link");
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#access-list .access-entry")));
        assertThat(text("#access-list")).contains("Tom Becker (physio)");
        look("who-has-seen-my-record", TOP_BAR + ", #access-list", "#log-cramp-nav", true);

        // Sign out: back at the sign-in page.
        tap("sign-out");
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        assertThat(browser.driver.findElements(By.id("signed-in-name"))).isEmpty();
        look("signed-out", "input[name='username'], vaadin-button[slot='submit']", null, false);
        browser.open("today");
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
    }
}
