package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import app.physioportal.TestClock;
import app.physioportal.mail.Outboxes;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.reminders.ReminderFixture;
import app.physioportal.reminders.ReminderJob;
import app.physioportal.reminders.ReminderSettings;
import app.physioportal.reminders.ReminderSettingsService;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient on a phone sets bedtime and reminders, gets tonight's reminder by email, and the next morning presses
 * "No cramps" in the email: the night shows cramp-free in the diary. The scheduled job is run by the test at the
 * moments it would run, with the portal's clock pinned there; the browser does what a person does.
 */
@PortalTest
class ReminderJourneyTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    private static final Pattern CHECK_IN = Pattern.compile("http://localhost:8080/(check-in\\?t=[A-Za-z0-9_-]{43})");

    @Autowired
    ReminderFixture fixture;

    @Autowired
    ReminderJob job;

    @Autowired
    ReminderSettingsService settings;

    @Autowired
    Outboxes outboxes;

    @Autowired
    TestClock clock;

    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    private MimeMessage emailTo(String email, String subject) {
        outboxes.sendDue();
        return browser.waitUpTo(15).until(d -> Outboxes.receivedBy(greenMail, email).stream().filter(m -> {
            try {
                return m.getSubject().equals(subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null));
    }

    private void type(String fieldId, String text) {
        WebElement input = browser.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#" + fieldId + " input")));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    @Test
    void a_patient_sets_reminders_gets_the_bedtime_email_and_records_a_cramp_free_night_from_the_morning_email() {
        LocalDate today = LocalDate.now(ReminderFixture.LONDON);
        FreshPatient patient = fixture.patient(today.minusDays(10), ReminderSettings.DEFAULTS);

        browser.signIn(patient.email(), Demo.FIXTURE_PASSWORD);
        browser.open("account");
        WebElement link = browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("reminders-link")));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", link);
        link.click();
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/account/reminders"));
        type("reminders-bedtime", "21:45");
        type("reminders-minutes-before", "20");
        type("reminders-morning-time", "07:30");
        WebElement save = browser.driver.findElement(By.id("reminders-save"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", save);
        save.click();
        browser.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Bedtime reminders at 21:25"));
        browser.toTop();
        browser.screenshotPhoneAndDesktop("reminder-settings");
        ReminderSettings saved = fixture.as(patient.email(), () -> settings.mine());
        assertThat(saved.bedtime()).isEqualTo(LocalTime.of(21, 45));
        assertThat(saved.minutesBefore()).isEqualTo(20);
        assertThat(saved.morningTime()).isEqualTo(LocalTime.of(7, 30));

        // 21:25 tonight: the job sends the bedtime reminder.
        fixture.at(LocalDateTime.of(today, LocalTime.of(21, 25)));
        job.runDue();
        String bedtime = GreenMailUtil.getBody(emailTo(patient.email(), "Tonight's stretches"));
        assertThat(bedtime).contains("Bedtime is at 21:45");

        // 07:30 this morning: "Any cramps last night?" about last night.
        fixture.at(LocalDateTime.of(today, LocalTime.of(7, 30)));
        job.runDue();
        String morning = GreenMailUtil.getBody(emailTo(patient.email(), "Any cramps last night?"));
        Matcher button = CHECK_IN.matcher(morning.replace("=\r\n", "").replace("=3D", "="));
        assertThat(button.find()).as("the No cramps link in the email").isTrue();

        // The phone opens the link from the email, signed out; the press comes at 07:41, before noon.
        fixture.at(LocalDateTime.of(today, LocalTime.of(7, 41)));
        browser.driver.manage().deleteAllCookies();
        browser.open(button.group(1));
        WebElement confirm = browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("check-in-confirm")));
        browser.screenshotPhoneAndDesktop("check-in");
        confirm.click();
        browser.waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-done")));
        browser.screenshot("check-in-done-phone");
        clock.release();

        browser.signIn(patient.email(), Demo.FIXTURE_PASSWORD);
        browser.open("diary");
        LocalDate lastNight = today.minusDays(1);
        WebElement night = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.id("night-" + lastNight)));
        assertThat(night.getAttribute("class")).contains("night-cramp-free");
    }
}
