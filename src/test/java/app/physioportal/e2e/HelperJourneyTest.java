package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.mail.Outboxes;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24's journey in headless Chromium at 360 px: the admin creates a patient, the patient chooses a password
 * through the emailed invitation, invites her daughter as a helper, the daughter chooses her password through her own
 * invitation and logs a cramp for her mother, the patient sees "Logged by" in her diary and removes her, and the
 * daughter's next page shows that she helps nobody now. The helper's pages and the helpers page are scanned with
 * axe-core (no violation of any impact) and screenshotted at phone and desktop width.
 */
@PortalTest
class HelperJourneyTest extends BrowserTest {

    @Autowired
    Outboxes outboxes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoIds ids;

    @Autowired
    PatientService patients;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    SystemTasks systemTasks;

    private final Map<String, Browser.AxeResult> axe = new LinkedHashMap<>();
    private final List<String> sideways = new ArrayList<>();
    private String patientEmail;

    /** Physio 2's caseload stays as the demo clinic has it: the journey's patient moves to the fixture physio. */
    @AfterEach
    void leaveTheDemoCaseload() {
        if (patientEmail == null) {
            return;
        }
        long patient = ids.idOf(patientEmail);
        long fixturePhysio = fixtures.ensurePhysio();
        systemTasks.runAs("test", Role.ADMIN, () -> patients.reassign(patient, fixturePhysio));
        jdbc.update("update notice set seen_at = created_at where account_id in (?, ?) and seen_at is null",
                ids.idOf(Demo.PHYSIO2), patient);
        patientEmail = null;
    }

    private WebElement shown(String selector) {
        WebElement found = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(selector)));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", found);
        browser.waitUpTo(10).until(ExpectedConditions.visibilityOf(found));
        return found;
    }

    private void tap(String selector) {
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", shown(selector));
    }

    private void type(String selector, String text) {
        WebElement field = browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector)));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    private void look(String name) {
        browser.waitUpTo(15).until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).isEmpty());
        browser.settle();
        browser.toTop();
        if (browser.scrollsSideways()) {
            sideways.add(name + ": " + browser.sidewaysOffenders());
        }
        axe.put(name, browser.axe("helper journey " + name));
        browser.screenshotPhoneAndDesktop("helpers-" + name);
    }

    private void choosePassword(String token, String chosen) {
        browser.driver.manage().deleteAllCookies();
        browser.open("welcome?t=" + token);
        type("#new-password input", chosen);
        type("#repeat-password input", chosen);
        tap("#choose-password");
        assertThat(browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-notice")))
                .getText()).startsWith("Your password is set");
    }

    @Test
    void a_patient_invites_a_helper_who_logs_a_cramp_for_her_then_the_patient_sees_it_and_removes_the_helper() {
        String stamp = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String name = "Rose Journey";
        patientEmail = "rose." + stamp + "@example.org";
        String helperEmail = "lily." + stamp + "@example.org";

        // The admin creates the patient; she is invited by email.
        browser.signIn(Demo.ADMIN, Demo.PASSWORD);
        browser.open("admin/accounts");
        tap("#new-account");
        type("#new-name input", name);
        type("#new-email input", patientEmail);
        WebElement physio = shown("#new-physio input");
        physio.sendKeys("Tom Becker");
        browser.settle();
        physio.sendKeys(Keys.ENTER);
        browser.settle();
        tap("#create-account");
        assertThat(shown("#invitation-sent").getText()).isEqualTo("Invitation sent to " + patientEmail + ".");

        // She chooses her password through the invitation and signs in.
        String roses = "rose garden lantern 2026";
        choosePassword(outboxes.linkToken(patientEmail, "welcome"), roses);
        browser.signIn(patientEmail, roses);

        // She invites her daughter, who may view and record.
        browser.open("helpers");
        shown("#no-helpers");
        type("#helper-name input", "Lily Journey");
        type("#helper-email input", "not an address");
        tap("#invite-helper");
        browser.waitUpTo(10).until(d -> shown("#helper-email").getAttribute("invalid") != null);
        type("#helper-email input", helperEmail);
        type("#helper-relationship input", "daughter");
        tap("#helper-permission vaadin-radio-button:nth-of-type(2)");
        tap("#invite-helper");
        WebElement card = shown(".helper-card");
        assertThat(card.getText()).contains("Lily Journey (daughter)", "has not chosen a password yet");
        look("patient-helpers");

        // Lily chooses her password through her own invitation, signs in and lands on her mother's Today.
        String lilys = "lily pond harbour 2026";
        choosePassword(outboxes.linkToken(helperEmail, "welcome"), lilys);
        browser.signIn(helperEmail, lilys);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));
        assertThat(shown("#helping-whom").getText()).isEqualTo("Helping Rose Journey");
        assertThat(shown("#today-view .view-title").getText()).isEqualTo("Rose's day");
        look("helper-today");

        // She logs a cramp for her mother from the top bar.
        tap("#log-cramp-nav");
        browser.waitUpTo(20).until(ExpectedConditions.urlContains("/diary/log"));
        assertThat(shown("#quick-log-view .view-subtitle").getText()).startsWith("For Rose Journey");
        tap("#intensity-6");
        tap("#location-CALF");
        tap("#save-cramp");
        browser.waitUpTo(20).until(ExpectedConditions.urlMatches(".*/diary$"));
        assertThat(shown(".night-card .logged-by").getText()).isEqualTo("Logged by Lily Journey");
        assertThat(browser.driver.findElements(By.cssSelector(".ask-physio"))).as("no questions to the physio").isEmpty();
        look("helper-diary");

        // Rose sees who logged it, and removes Lily.
        browser.signIn(patientEmail, roses);
        browser.open("diary");
        assertThat(shown(".night-card .logged-by").getText()).isEqualTo("Logged by Lily Journey");
        browser.settle();
        browser.screenshot("helpers-patient-diary-logged-by-phone");
        browser.open("helpers");
        assertThat(shown(".helper-card").getText()).contains("Helping since");
        tap(".helper-card [id^='remove-helper-']");
        WebElement confirm = browser.waitUpTo(10).until(d -> d.findElements(By.cssSelector("[slot='confirm-button']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        browser.settle();
        browser.screenshot("helpers-patient-remove-confirm-phone");
        confirm.click();
        shown("#no-helpers");

        // Lily's next page: she helps nobody now.
        browser.signIn(helperEmail, lilys);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/helping"));
        assertThat(shown("#nobody-to-help").getText()).startsWith("Nobody has asked you to help");
        look("helper-nobody");
        assertThat(jdbc.queryForObject("select count(*) from cramp_entry c join account a on a.id = c.logged_by "
                + "where a.email = ?", Integer.class, helperEmail)).as("what she logged stays").isOne();

        assertThat(sideways).as("pages scrolling sideways at 360 px").isEmpty();
        assertThat(axe.values()).as("axe-core violations of any impact").allSatisfy(
                result -> assertThat(result.byImpact()).as(result.page()).isEmpty());
    }
}
