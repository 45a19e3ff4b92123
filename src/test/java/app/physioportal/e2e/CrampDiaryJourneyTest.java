package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.openqa.selenium.WebDriver;

import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A patient on a phone logs a cramp in three taps from the top bar and finds it in the diary. */
@PortalTest
class CrampDiaryJourneyTest {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        driver = Browser.newPhoneDriver();
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    private void tap(String id) {
        waitUpTo(20).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    @Test
    void a_patient_logs_a_cramp_in_three_taps_at_phone_width_and_sees_it_in_the_diary() {
        Browser.signIn(driver, port, Demo.PATIENT2, Demo.PASSWORD);
        waitUpTo(30).until(ExpectedConditions.urlContains("/today"));

        tap("log-cramp-nav");
        waitUpTo(20).until(ExpectedConditions.urlContains("/diary/log"));
        tap("intensity-7");
        tap("location-FOOT");
        tap("save-cramp");

        waitUpTo(20).until(ExpectedConditions.urlMatches(".*/diary$"));
        var newest = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".night-card")));
        assertThat(newest.getText()).contains("Foot · 7/10");
    }
}
