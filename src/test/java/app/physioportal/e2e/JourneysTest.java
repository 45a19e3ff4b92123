package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journeys in real Chromium at phone width, asserting what the person sees. Every page visited is
 * saved under target/screenshots/ (phone, and desktop where cheap).
 */
@PortalTest
class JourneysTest extends BrowserTest {

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Outboxes outboxes;

    /** Opens the URL as typed and expects the access-denied or not-found page, with nothing of the patient. */
    private void typedUrlIsRefused(String path, String patientName, String shot) {
        browser.open(path);
        WebElement refusal = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#access-denied, #not-found")));
        browser.settle();
        browser.screenshotPhoneAndDesktop(shot);
        assertThat(refusal.getText()).containsAnyOf("You don't have access to this", "This page isn't available");
        assertThat(browser.visibleText()).doesNotContain(patientName);
    }

    @Test
    void a_patient_and_an_unassigned_physio_who_type_another_patients_urls_see_a_refusal_and_nothing_of_them() {
        long david = ids.idOf(Demo.PATIENT2);
        long margaret = ids.idOf(Demo.PATIENT1);

        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        typedUrlIsRefused("patients/" + david + "/progress", "David Chen", "journey-security-patient-progress");
        typedUrlIsRefused("patients/" + david, "David Chen", "journey-security-patient-page");

        browser.signIn(Demo.PHYSIO2, Demo.PASSWORD);
        typedUrlIsRefused("patients/" + margaret, "Margaret Ellis", "journey-security-physio2-patient-page");
        typedUrlIsRefused("patients/" + margaret + "/progress", "Margaret Ellis",
                "journey-security-physio2-patient-progress");
    }

    @Test
    void the_quick_log_with_999_minutes_shows_the_message_at_the_field_and_saves_nothing() {
        long patient = ids.idOf(Demo.PATIENT5);
        String count = "select count(*) from cramp_entry where patient_id = ?";
        Integer before = jdbc.queryForObject(count, Integer.class, patient);

        browser.signIn(Demo.PATIENT5, Demo.PASSWORD);
        browser.open("diary/log");
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("intensity-5"))).click();
        browser.driver.findElement(By.id("location-CALF")).click();
        WebElement minutesInput = browser.driver.findElement(By.cssSelector("#minutes input"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", minutesInput);
        minutesInput.sendKeys("999");
        browser.driver.findElement(By.id("save-cramp")).click();

        WebElement minutes = browser.driver.findElement(By.id("minutes"));
        browser.waitUpTo(10).until(d -> minutes.getAttribute("invalid") != null);
        browser.settle();
        browser.js("arguments[0].scrollIntoView({block: 'center'})", minutes);
        browser.screenshot("journey-bad-input-quick-log-phone");
        assertThat(String.valueOf(minutes.getDomProperty("errorMessage"))).contains("Enter minutes between 1 and");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/diary/log");
        assertThat(jdbc.queryForObject(count, Integer.class, patient)).isEqualTo(before);
    }

    /** Saves phone and desktop screenshots of the page as it stands and scans it with axe-core. */
    private void look(String name, List<Browser.AxeResult> scans) {
        browser.settle();
        browser.toTop();
        scans.add(browser.axe("physio journey " + name));
        browser.screenshotPhoneAndDesktop("journey-physio-" + name);
    }

    private void tap(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private void openTab(String label) {
        tap(browser.driver.findElement(By.xpath("//vaadin-tab[normalize-space()='" + label + "']")));
    }

    private int upcomingFollowUps(long patient) {
        return jdbc.queryForObject("select count(*) from appointment where patient_id = ? and status = 'BOOKED'"
                + " and starts_at > current_timestamp", Integer.class, patient);
    }

    /**
     * Journey 2 of issue 9 as one test: Priya Shah signs in to her caseload, opens Robert Hughes (not
     * improving), reads his charts, changes his plan with a reason, books him a follow-up and adds a
     * clinical note; Robert then signs in and sees the new plan version.
     */
    @Test
    void a_physio_reviews_the_patient_who_is_not_improving_changes_his_plan_books_a_follow_up_and_notes_it() {
        long robert = ids.idOf(Demo.PATIENT3);
        int version = jdbc.queryForObject("select current_version from plan where patient_id = ?", Integer.class, robert);
        int followUps = upcomingFollowUps(robert);
        String reason = "No change after 8 weeks: hold each stretch longer (journey " + System.nanoTime() % 100000 + ")";
        String note = "Journey check " + System.nanoTime() + ": no change after 8 weeks, plan adjusted, follow-up booked.";
        List<Browser.AxeResult> scans = new ArrayList<>();

        // Sign in: the physio lands on her caseload, Robert on it.
        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/caseload"));
        WebElement row = browser.waitUpTo(30)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("caseload-row-" + robert)));
        assertThat(row.getAttribute("textContent")).contains("Robert Hughes");
        look("caseload", scans);

        // Open Robert: his charts are drawn.
        tap(browser.driver.findElement(By.id("patient-link-" + robert)));
        browser.waitUpTo(30).until(ExpectedConditions.urlMatches(".*/patients/" + robert + "$"));
        WebElement chart = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#patient-view physio-chart")));
        assertThat(browser.drawnPixels(chart)).as("painted pixels on Robert's first chart").isGreaterThan(500);
        assertThat(((Number) browser.js("return arguments[0].chart.data.datasets.length", chart)).intValue())
                .isPositive();
        assertThat(browser.driver.findElement(By.id("patient-view")).getAttribute("textContent"))
                .contains("Robert Hughes");
        look("patient-progress", scans);

        // Change the plan with a reason, from the patient page's Plan tab.
        openTab("Plan");
        tap(browser.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(By.id("edit-plan"))));
        browser.waitUpTo(30).until(ExpectedConditions.urlMatches(".*/patients/" + robert + "/plan$"));
        WebElement hold = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id^='hold-'] input")));
        browser.settle();
        int holdNow = Integer.parseInt(hold.getDomProperty("value"));
        int holdNew = holdNow >= 115 ? holdNow - 5 : holdNow + 5;
        hold.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(holdNew), Keys.TAB);
        browser.settle();
        assertThat(browser.driver.findElement(By.id("plan-diff")).getText()).contains(String.valueOf(holdNew));
        browser.driver.findElement(By.cssSelector("#reason input, #reason textarea")).sendKeys(reason, Keys.TAB);
        browser.settle();
        look("plan-editor", scans);
        tap(browser.driver.findElement(By.id("save-plan")));
        browser.waitUpTo(30).until(d -> jdbc.queryForObject("select current_version from plan where patient_id = ?",
                Integer.class, robert) == version + 1);
        String saved = browser.waitUpTo(10).until(d -> {
            String shown = String.valueOf(browser.js(
                    "const c = document.querySelector('vaadin-notification-card'); return c ? c.innerText : ''"));
            return shown.contains("Saved version") ? shown : null;
        });
        assertThat(saved).contains("Saved version " + (version + 1) + ". Robert sees it now.");
        look("plan-saved", scans);

        // Book a follow-up from the schedule: the first free time, this week or next.
        browser.open("schedule");
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("week-days")));
        browser.settle();
        if (browser.driver.findElements(By.cssSelector("#week-days .free-times-toggle")).isEmpty()) {
            tap(browser.driver.findElement(By.id("next-week")));
            browser.waitUpTo(20).until(d -> !d.findElements(By.cssSelector("#week-days .free-times-toggle")).isEmpty());
        }
        // A day's free times show once asked for ("8 free times: book a follow-up").
        tap(browser.driver.findElement(By.cssSelector("#week-days .free-times-toggle")));
        WebElement free = browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#week-days .slot-button")));
        String slotId = free.getAttribute("id");
        String time = free.getText();
        tap(free);
        WebElement patient = browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("follow-up-patient")));
        assertThat(browser.driver.findElement(By.id("follow-up-panel")).getText()).contains("Follow-up on").contains(time);
        tap(patient);
        // A long list can run past the bottom of a phone screen: choose from it with the keyboard, which a
        // screen-reader user does too, rather than pointing at an item off screen.
        WebElement robertItem = browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[normalize-space()='Robert Hughes']")));
        browser.js("arguments[0].focus()", robertItem);
        new org.openqa.selenium.interactions.Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.waitUpTo(10).until(d -> String.valueOf(browser.js("return arguments[0].innerText", patient))
                .contains("Robert Hughes"));
        browser.settle();
        look("schedule-follow-up", scans);
        tap(browser.driver.findElement(By.id("book-follow-up")));
        browser.waitUpTo(20).until(d -> d.findElements(By.id(slotId)).isEmpty());
        browser.settle();
        assertThat(browser.driver.findElement(By.id("week-days")).getAttribute("textContent"))
                .contains(time + "–").contains("Robert Hughes");
        assertThat(upcomingFollowUps(robert)).isEqualTo(followUps + 1);
        look("schedule-booked", scans);

        // Back on Robert's page: the follow-up is listed; add a clinical note.
        browser.open("patients/" + robert);
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("patient-tabs")));
        openTab("Appointments");
        assertThat(browser.waitUpTo(20).until(ExpectedConditions.presenceOfElementLocated(
                By.id("upcoming-appointments"))).getAttribute("textContent")).contains(time + "–");
        openTab("Notes");
        WebElement body = browser.waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#note-body textarea")));
        body.sendKeys(note);
        tap(browser.driver.findElement(By.id("add-note")));
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes-list"), note));
        look("note-added", scans);

        // Robert signs in and sees the new plan version, with its reason, and tonight's longer hold.
        browser.signIn(Demo.PATIENT3, Demo.PASSWORD);
        browser.open("plan/history");
        WebElement history = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.id("plan-history-view")));
        look("patient-plan-history", scans);
        assertThat(history.getText()).contains("Version " + (version + 1)).contains(reason);
        browser.open("today");
        assertThat(browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("today-plan")))
                .getText()).contains(holdNew + " s hold");
        look("patient-today", scans);

        scans.forEach(r -> System.out.println("AXE-SUMMARY " + r.page() + ": " + r.byImpact()));
        assertThat(scans.stream().filter(r -> !r.serious().isEmpty()).map(r -> r.page() + " " + r.serious()))
                .as("serious or critical axe violations on the journey's pages").isEmpty();
    }

    @Test
    void the_admin_creates_a_patient_for_a_physio_who_then_sees_them_on_the_caseload() {
        String name = "Journey Patient " + System.nanoTime() % 100000;
        String email = "journey." + System.nanoTime() + "@example.org";

        browser.signIn(Demo.ADMIN, Demo.PASSWORD);
        browser.open("admin/accounts");
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("new-account"))).click();
        browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#new-name input")))
                .sendKeys(name);
        browser.driver.findElement(By.cssSelector("#new-email input")).sendKeys(email);
        WebElement physio = browser.driver.findElement(By.cssSelector("#new-physio input"));
        physio.sendKeys("Tom Becker");
        browser.settle();
        physio.sendKeys(Keys.ENTER);
        browser.settle();
        browser.driver.findElement(By.id("create-account")).click();
        String sent = browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("invitation-sent"))).getText();
        browser.screenshot("journey-admin-created-phone");
        assertThat(sent).isEqualTo("Invitation sent to " + email + ".");

        browser.signIn(Demo.PHYSIO2, Demo.PASSWORD);
        browser.open("caseload");
        WebElement list = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("caseload-list")));
        browser.settle();
        browser.screenshot("journey-admin-physio-caseload-phone");
        assertThat(list.getText()).contains(name);

        // The patient opens the invitation from their email, chooses a password and signs in with it.
        browser.driver.manage().deleteAllCookies();
        browser.open("welcome?t=" + outboxes.linkToken(email, "welcome"));
        String chosen = "journey harbour lantern 61";
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#new-password input")))
                .sendKeys(chosen);
        browser.driver.findElement(By.cssSelector("#repeat-password input")).sendKeys(chosen);
        browser.screenshot("journey-invitation-welcome-phone");
        browser.driver.findElement(By.id("choose-password")).click();
        assertThat(browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-notice")))
                .getText()).startsWith("Your password is set");
        browser.signIn(email, chosen);
        assertThat(browser.driver.findElement(By.id("signed-in-name")).getAttribute("textContent")).contains(name);
    }
}
