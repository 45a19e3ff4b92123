package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

    private String visibleText() {
        return String.valueOf(browser.js("return document.title + '\\n' + document.body.innerText"));
    }

    /** Opens the URL as typed and expects the access-denied or not-found page, with nothing of the patient. */
    private void typedUrlIsRefused(String path, String patientName, String shot) {
        browser.open(path);
        WebElement refusal = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#access-denied, #not-found")));
        browser.settle();
        browser.screenshotPhoneAndDesktop(shot);
        assertThat(refusal.getText()).containsAnyOf("You don't have access to this", "This page isn't available");
        assertThat(visibleText()).doesNotContain(patientName);
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

    @Test
    void a_physio_opens_the_patient_who_is_not_improving_sees_the_chart_and_adds_a_note() {
        long robert = ids.idOf(Demo.PATIENT3);
        String note = "Journey check " + System.nanoTime() + ": no change after 8 weeks, review the plan.";

        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        browser.open("caseload");
        WebElement row = browser.waitUpTo(30)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("caseload-row-" + robert)));
        browser.settle();
        browser.screenshotPhoneAndDesktop("journey-physio-caseload");
        assertThat(row.getText()).contains("Robert Hughes");

        browser.js("arguments[0].scrollIntoView({block: 'center'})",
                browser.driver.findElement(By.id("patient-link-" + robert)));
        browser.driver.findElement(By.id("patient-link-" + robert)).click();
        browser.waitUpTo(30).until(ExpectedConditions.urlMatches(".*/patients/" + robert + "$"));
        WebElement chart = browser.waitUpTo(30)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("physio-chart")));
        browser.waitUpTo(30).until(d -> Boolean.TRUE.equals(browser.js(
                "return !!arguments[0].chart && arguments[0].querySelector('canvas').width > 0", chart)));
        browser.settle();
        browser.toTop();
        browser.screenshotPhoneAndDesktop("journey-physio-patient-progress");
        assertThat(browser.driver.findElement(By.id("patient-view")).getAttribute("textContent")).contains("Robert Hughes");
        assertThat(((Number) browser.js("return arguments[0].chart.data.datasets.length", chart)).intValue())
                .isPositive();

        WebElement notesTab = browser.driver.findElement(By.xpath("//vaadin-tab[normalize-space()='Notes']"));
        browser.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", notesTab);
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(notesTab)).click();
        WebElement body = browser.waitUpTo(20)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#note-body textarea")));
        body.sendKeys(note);
        browser.driver.findElement(By.id("add-note")).click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes-list"), note));
        browser.settle();
        browser.screenshotPhoneAndDesktop("journey-physio-note-added");
    }

    @Test
    void a_physio_changes_the_plan_with_a_reason_and_the_patient_sees_the_new_version_at_once() {
        long robert = ids.idOf(Demo.PATIENT3);
        int before = jdbc.queryForObject("select current_version from plan where patient_id = ?", Integer.class, robert);

        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        browser.open("patients/" + robert + "/plan");
        WebElement hold = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id^='hold-'] input")));
        browser.settle();
        hold.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "20",
                org.openqa.selenium.Keys.TAB);
        browser.settle();
        assertThat(browser.driver.findElement(By.id("plan-diff")).getText()).contains("20");
        browser.driver.findElement(By.cssSelector("#reason input, #reason textarea"))
                .sendKeys("hold longer: 10 s is easy now", org.openqa.selenium.Keys.TAB);
        browser.settle();
        browser.driver.findElement(By.id("save-plan")).click();
        browser.waitUpTo(30).until(d -> jdbc.queryForObject("select current_version from plan where patient_id = ?",
                Integer.class, robert) == before + 1);
        browser.screenshot("journey-plan-change-physio-phone");

        browser.signIn(Demo.PATIENT3, Demo.PASSWORD);
        browser.open("plan/history");
        WebElement history = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.id("plan-history-view")));
        browser.settle();
        browser.screenshot("journey-plan-change-patient-phone");
        assertThat(history.getText()).contains("Version " + (before + 1)).contains("hold longer: 10 s is easy now");
        browser.open("today");
        assertThat(browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("today-plan")))
                .getText()).contains("20 s hold");
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
        physio.sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.settle();
        browser.driver.findElement(By.id("create-account")).click();
        String password = browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("one-time-password"))).getText();
        browser.screenshot("journey-admin-created-phone");
        assertThat(password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");

        browser.signIn(Demo.PHYSIO2, Demo.PASSWORD);
        browser.open("caseload");
        WebElement list = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("caseload-list")));
        browser.settle();
        browser.screenshot("journey-admin-physio-caseload-phone");
        assertThat(list.getText()).contains(name);

        browser.signIn(email, password);
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("must-change-password")));
        assertThat(browser.driver.getCurrentUrl()).contains("/account");
    }
}
