package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.exercise.ExerciseService;
import app.physioportal.plan.AdherenceService;
import app.physioportal.plan.PlanService;
import app.physioportal.security.SystemTasks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;


import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A patient ticks tonight's calf stretch on a phone-sized screen; the tick survives a reload; undo takes it back. */
@PortalTest
class TodayJourneyTest extends BrowserTest {

    @Autowired
    PlanService plans;

    @Autowired
    AdherenceService adherence;

    @Autowired
    ExerciseService exercises;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    DemoIds ids;

    @Test
    void a_patient_ticks_tonights_stretch_at_phone_width_and_can_undo_it() {
        long patient = ids.idOf(Demo.PATIENT3);
        long[] calf = new long[1];
        systemTasks.runAsAccount(Demo.PATIENT3, () -> {
            calf[0] = exercises.byCode("wall-calf-stretch").id();
            adherence.undo(patient, calf[0]);
        });

        browser.signIn(Demo.PATIENT3, Demo.PASSWORD);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/today"));

        By markDone = By.id("done-" + calf[0]);
        By doneLabel = By.id("done-label-" + calf[0]);
        var button = browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(markDone));
        assertThat(button.getSize().getHeight()).as("a big tap target").isGreaterThanOrEqualTo(44);
        // Below the fold on a phone when the morning question is shown first: scroll to it, as a thumb would.
        browser.js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(doneLabel));

        browser.driver.navigate().refresh();
        assertThat(browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(doneLabel)).getText())
                .contains("Done tonight");

        var undo = browser.driver.findElement(By.id("undo-" + calf[0]));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", undo);
        undo.click();
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(markDone));
    }
}
