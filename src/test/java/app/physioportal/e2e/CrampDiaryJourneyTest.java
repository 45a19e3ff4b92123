package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import org.openqa.selenium.support.ui.ExpectedConditions;

/** A patient on a phone logs a cramp in three taps from the top bar and finds it in the diary. */
@PortalTest
class CrampDiaryJourneyTest extends BrowserTest {

    private void tap(String id) {
        browser.waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void a_patient_logs_a_cramp_in_three_taps_at_phone_width_and_sees_it_in_the_diary() {
        browser.signIn(Demo.PATIENT2, Demo.PASSWORD);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));

        tap("log-cramp-nav");
        browser.waitUpTo(20).until(ExpectedConditions.urlContains("/diary/log"));
        tap("intensity-7");
        tap("location-FOOT");
        tap("save-cramp");

        browser.waitUpTo(20).until(ExpectedConditions.urlMatches(".*/diary$"));
        var newest = browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".night-card")));
        assertThat(newest.getText()).contains("Foot · 7/10");
    }
}
