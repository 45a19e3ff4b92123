package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.openqa.selenium.WebElement;

import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Done means" of issue 7 in headless Chromium at phone width: a demo patient books the next free time with
 * their physio, gets the confirmation email with a calendar file, cancels, and the time is free again.
 */
@PortalTest
class BookingJourneyTest extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    app.physioportal.mail.Outboxes outboxes;

    /** Emails earlier tests queued with no mail server listening must not arrive in this test's inbox. */
    @BeforeEach
    void onlyThisTestsEmails() throws Exception {
        outboxes.clear();
        // A stale email in flight when the server started has arrived by now (clear waits for the sender).
        greenMail.purgeEmailFromAllMailboxes();
    }

    private List<WebElement> upcomingCards() {
        return browser.driver.findElements(By.cssSelector("#upcoming-appointments .appointment-card"));
    }

    private void click(WebElement element) {
        // A confirmation toast may still cover part of the screen; a thumb would tap past it.
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].scrollIntoView({block:'center'}); arguments[0].click()", element);
    }

    @Test
    void a_patient_books_the_next_free_time_gets_the_invitation_and_cancels() {
        browser.signIn(Demo.PATIENT5, Demo.PASSWORD);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));

        browser.driver.get("http://localhost:" + port + "/appointments");
        // The days first, then the chosen day's times: the patient taps the second day with open times.
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#open-slots .slot-button")));
        List<WebElement> days = browser.driver.findElements(By.cssSelector("#slot-day-chips .slot-day-chip"));
        assertThat(days).hasSizeGreaterThan(1);
        String dayId = days.get(1).getAttribute("id");
        click(days.get(1));
        browser.waitUpTo(10).until(d -> "true".equals(d.findElement(By.id(dayId)).getAttribute("aria-pressed")));
        String day = dayId.substring("slot-day-".length());
        WebElement slot = browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#slot-times .slot-button")));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('slot-day-title').scrollIntoView({block:'center'})");
        browser.screenshot("booking-days-phone");
        String slotId = slot.getAttribute("id");
        assertThat(java.time.Instant.ofEpochSecond(Long.parseLong(slotId.substring("slot-".length())))
                .atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()).hasToString(day);
        int before = upcomingCards().size();
        click(slot);
        click(browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("confirm-booking"))));

        browser.waitUpTo(10).until(d -> upcomingCards().size() == before + 1);
        assertThat(browser.driver.findElements(By.id(slotId))).isEmpty();
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        String email = GreenMailUtil.getWholeMessage(greenMail.getReceivedMessages()[0]);
        assertThat(email).contains("Appointment booked", "text/calendar", "appointment.ics");

        WebElement cancel = browser.driver.findElements(By.cssSelector("#upcoming-appointments vaadin-button")).stream()
                .filter(b -> b.getAttribute("id").startsWith("cancel-")).findFirst().orElseThrow();
        String appointment = cancel.getAttribute("id").substring("cancel-".length());
        click(cancel);
        click(browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("confirm-cancel-" + appointment))));

        browser.waitUpTo(10).until(d -> upcomingCards().size() == before);
        // Free again: on its day's list once that day is chosen.
        click(browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id(dayId))));
        browser.waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id(slotId)));
    }
}
