package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import app.physioportal.clinic.Clinic;
import app.physioportal.diary.CrampDuration;
import app.physioportal.diary.CrampInput;
import app.physioportal.diary.CrampLocation;
import app.physioportal.diary.DiaryService;
import app.physioportal.diary.Nights;
import app.physioportal.diary.Side;
import app.physioportal.messages.MessageService;
import app.physioportal.patient.PatientService;
import app.physioportal.plan.ItemDraft;
import app.physioportal.plan.PlanFixtures;
import app.physioportal.plan.PlanFixtures.FreshPatient;
import app.physioportal.plan.PlanService;
import app.physioportal.security.AccountService.NewAccount;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Messages (issue 17) in headless Chromium: a patient asks about a night from her diary, her physio sees it on
 * the caseload, answers and changes the plan in answer, and the patient finds both, the answer and the new plan
 * version that links back to her message. Every message page is screenshotted at 360 px and at desktop width,
 * light and dark, scanned with axe-core (no violation of any impact) and checked for sideways scrolling. A second
 * test leaves the patient's page open and sees a message from the physio arrive without a reload.
 */
@PortalTest
class MessagesJourneyTest extends BrowserTest {

    @Autowired
    PatientService patients;

    @Autowired
    PlanService plans;

    @Autowired
    DiaryService diary;

    @Autowired
    MessageService messages;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    PlanFixtures fixtures;

    @Autowired
    DemoIds ids;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Nights nights;

    @Autowired
    Clinic clinic;

    @Autowired
    Clock clock;

    /** The journey's patient, handed over to the fixture physio afterwards (see {@link #leaveTheDemoCaseload}). */
    private Long nora;

    private final Map<String, Browser.AxeResult> axe = new LinkedHashMap<>();
    private final List<String> sideways = new ArrayList<>();
    private final Map<String, List<String>> smallTargets = new LinkedHashMap<>();

    /**
     * Physio 1's caseload stays as the demo clinic has it: the journey's patient moves to the fixture physio, and
     * the notice that move leaves for physio 1's next sign-in is marked seen, so no later test meets it.
     */
    @AfterEach
    void leaveTheDemoCaseload() {
        if (nora == null) {
            return;
        }
        long physio1 = ids.idOf(Demo.PHYSIO1);
        long fixturePhysio = fixtures.ensurePhysio();
        systemTasks.runAs("test", Role.ADMIN, () -> patients.reassign(nora, fixturePhysio));
        jdbc.update("update notice set seen_at = created_at where account_id in (?, ?) and seen_at is null",
                physio1, nora);
        nora = null;
    }

    /**
     * Looks at the page as it stands, light and dark: no sideways scrolling at 360 px, axe-core, and screenshots
     * at phone and desktop width. Problems are collected; the journey asserts them at the end.
     */
    private void look(String name) {
        look(name, null, null);
    }

    /** As {@link #look(String)}, with the page scrolled to the element first ("start" or "center" of the view). */
    private void look(String name, String scrollTo, String block) {
        noToasts();
        browser.settle();
        browser.toTop();
        if (scrollTo != null) {
            browser.js("arguments[0].scrollIntoView({block: arguments[1]})", shown(scrollTo), block);
        }
        if (browser.scrollsSideways()) {
            sideways.add(name + ": " + browser.sidewaysOffenders());
        }
        List<String> small = browser.smallTapTargets(AccessibilityTest.CONTROLS);
        if (!small.isEmpty()) {
            smallTargets.put(name, small);
        }
        axe.put(name, browser.axe("messages journey " + name));
        browser.screenshotPhoneAndDesktop("messages-" + name);
        browser.colourScheme("dark");
        try {
            browser.toTop();
            if (scrollTo != null) {
                browser.js("arguments[0].scrollIntoView({block: arguments[1]})", shown(scrollTo), block);
            }
            if (browser.scrollsSideways()) {
                sideways.add(name + " (dark): " + browser.sidewaysOffenders());
            }
            axe.put(name + " (dark)", browser.axe("messages journey " + name + " (dark)"));
            browser.screenshotPhoneAndDesktop("messages-" + name + "-dark");
        } finally {
            browser.colourScheme("light");
        }
    }

    /** Waits until the "Sent." toasts have gone, so the screenshots show the page. */
    private void noToasts() {
        browser.waitUpTo(15).until(d -> browser.driver.findElements(By.cssSelector("vaadin-notification-card")).isEmpty());
    }

    /**
     * The element, once shown, scrolled into view: the app layout's content area keeps its scroll position from one
     * page to the next, and Selenium counts an element scrolled out above it as not shown.
     */
    private WebElement shown(String selector) {
        try {
            return browser.waitUpTo(30).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(selector));
                if (found.isEmpty()) {
                    return null;
                }
                browser.js("arguments[0].scrollIntoView({block: 'center'})", found.getFirst());
                return found.getFirst().isDisplayed() ? found.getFirst() : null;
            });
        } catch (org.openqa.selenium.TimeoutException notShown) {
            browser.screenshot("messages-not-shown-phone");
            throw new AssertionError(selector + " not shown on " + browser.driver.getCurrentUrl() + ", which reads:\n"
                    + browser.visibleText(), notShown);
        }
    }

    /** Taps as a thumb does: scrolled into view first, past any toast still on screen. */
    private void tap(WebElement element) {
        browser.js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element);
    }

    private void type(String selector, String text) {
        WebElement field = browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector(selector)));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
    }

    private void textShows(String selector, String text) {
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
    }

    @Test
    void a_patient_asks_about_a_night_the_physio_answers_and_changes_the_plan_and_the_patient_sees_both() {
        // Nora: with physio 1 for two months, on plan version 1, and a cramp last night that woke her.
        String email = "nora-journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long physio1 = ids.idOf(Demo.PHYSIO1);
        AtomicLong created = new AtomicLong();
        systemTasks.runAs("test", Role.ADMIN, () -> created.set(patients.createPatient(new NewAccount("Nora Journey",
                email, Role.PATIENT, Demo.FIXTURE_PASSWORD), physio1, LocalDate.of(1952, 6, 14),
                clinic.today().minusDays(60))));
        nora = created.get();
        long patient = nora;
        List<ItemDraft> template = fixtures.as(Demo.PHYSIO1, () -> plans.trialTemplate());
        fixtures.as(Demo.PHYSIO1, () -> plans.createVersion(patient, null, template,
                "Start of the bedtime stretching programme"));
        LocalDate night = nights.lastNight(clock);
        fixtures.as(email, () -> diary.logCramp(patient, new CrampInput(
                night.atTime(LocalTime.of(23, 30)).atZone(nights.zone()).toInstant(), 7, CrampDuration.UNDER_1_MIN,
                null, CrampLocation.CALF, Side.LEFT, true, null, null, null)));
        String nightInWords = "Night of " + clinic.longDay(night) + ": 1 cramp, worst 7/10, woke from sleep";

        // The patient asks about that night from her diary.
        browser.signIn(email, Demo.FIXTURE_PASSWORD);
        browser.open("diary");
        WebElement ask = shown("#ask-about-night-" + night);
        assertThat(ask.getText()).isEqualTo("Ask my physio about this night");
        browser.settle();
        browser.screenshot("messages-diary-ask-phone");
        tap(ask);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/messages?about=night:" + night));
        assertThat(shown("#message-about").getText()).contains("About: " + nightInWords);
        assertThat(shown("#message-urgency").getText()).contains("Not for emergencies");
        String question = "The cramp woke me at half eleven, right after the stretches. Should I stretch earlier?";
        type("#message-body textarea", question);
        textShows("#message-body", question.length() + " of 2000 characters");
        browser.js("arguments[0].scrollIntoView({block: 'center'})", shown("#message-about"));
        browser.settle();
        assertThat(browser.smallTapTargets("#message-about-remove, #send-message")).isEmpty();
        browser.screenshot("messages-patient-asking-phone");
        tap(shown("#send-message"));
        textShows("#message-list .message-mine", question);
        assertThat(shown("#message-list .message-mine .message-about").getText()).contains(nightInWords);
        assertThat(shown("#message-list .message-mine .message-receipt").getText()).isEqualTo("Sent");
        assertThat(browser.driver.findElements(By.cssSelector("#message-about"))).allSatisfy(
                chip -> assertThat(chip.isDisplayed()).as("the chip is gone once sent").isFalse());
        look("patient");
        long questionId = jdbc.queryForObject("select max(id) from message where patient_id = ? and from_patient = true",
                Long.class, patient);

        // Her physio sees the unread badge on her card and opens the conversation.
        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        browser.open("caseload");
        WebElement badge = shown("#unread-" + patient);
        assertThat(badge.getText()).isEqualTo("1 unread");
        assertThat(browser.smallTapTargets("#unread-" + patient)).as("the badge is a tap target").isEmpty();
        look("caseload-badge", "#patient-link-" + patient, "center");
        tap(shown("#unread-" + patient));
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/patients/" + patient + "?tab=messages"));
        textShows("#message-" + questionId, question);
        assertThat(shown("#message-" + questionId).getAttribute("class")).contains("message-theirs");
        assertThat(shown("#message-" + questionId + " .message-about").getText()).contains(nightInWords);
        assertThat(browser.driver.findElements(By.id("message-urgency"))).as("the notice is the patient's").isEmpty();

        String answer = "Yes: do them straight after dinner for a week, and log the nights. Hold each stretch 20 s.";
        type("#message-body textarea", answer);
        tap(shown("#send-message"));
        textShows("#message-list .message-mine", answer);
        browser.waitUpTo(30).until(d -> shown("#message-" + questionId + " .message-plan-link").isDisplayed());
        assertThat(shown("#messages-tab-button").getText()).as("read now").isEqualTo("Messages");
        look("physio-tab", "#messages-tab-button", "start");

        // The inbox lists her conversation, answered.
        browser.open("inbox");
        textShows("#inbox-row-" + patient, "Last from you");
        assertThat(browser.driver.findElements(By.cssSelector("#inbox-row-" + patient + " .unread-badge"))).isEmpty();
        look("inbox");

        // In answer, the physio lengthens the calf stretch's hold in the plan.
        browser.open("patients/" + patient + "?tab=messages");
        WebElement planLink = shown("#message-" + questionId + " .message-plan-link");
        assertThat(planLink.getText()).isEqualTo("Change the plan in answer");
        tap(planLink);
        browser.waitUpTo(30).until(ExpectedConditions.urlContains("/patients/" + patient + "/plan?answers=" + questionId));
        browser.settle();
        // As a physio finds it: the content area kept the scroll position of the Messages tab.
        browser.screenshot("messages-plan-editor-landing-phone");
        assertThat(shown("#plan-answers-message").getText()).contains("In answer to Nora's message");
        browser.toTop();
        browser.screenshotPhoneAndDesktop("messages-plan-editor-answering");
        long calf = template.getFirst().exerciseId();
        type("#hold-" + calf + " input", "20");
        textShows("#plan-diff-lines", "hold 10 s → 20 s");
        type("#reason textarea", "Hold longer, as we agreed in messages");
        tap(shown("#save-plan"));
        WebElement link = shown("#plan-history #version-2 .version-answers");
        assertThat(link.getText()).isEqualTo("In answer to the patient's message");
        assertThat(link.getAttribute("href")).endsWith("/patients/" + patient + "?tab=messages");
        assertThat(browser.driver.findElements(By.id("plan-answers-message"))).as("once saved").isEmpty();

        // The patient sees one unread message beside Messages, the answer, and version 2 of her plan.
        browser.signIn(email, Demo.FIXTURE_PASSWORD);
        WebElement navBadge = browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(
                By.id("nav-badge-messages")));
        assertThat(navBadge.getDomAttribute("hidden")).as("the badge shows").isNull();
        assertThat(navBadge.getAttribute("textContent")).isEqualTo("1");
        tap(browser.driver.findElement(By.cssSelector("vaadin-drawer-toggle")));
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOf(navBadge));
        // The drawer slides in: wait until it has arrived.
        browser.waitUpTo(10).until(d -> Boolean.TRUE.equals(browser.js("const nav = document.getElementById('main-nav');"
                + " const at = nav.getBoundingClientRect().left; const was = window.__navLeft; window.__navLeft = at;"
                + " return at >= 0 && at === was;")));
        browser.settle();
        browser.screenshot("messages-nav-badge-phone");
        // A real click: the item's link is inside its shadow root.
        browser.driver.findElement(By.cssSelector("vaadin-side-nav-item[path='messages']")).click();
        browser.waitUpTo(30).until(ExpectedConditions.urlMatches(".*/messages$"));
        textShows("#message-list .message-theirs", answer);
        assertThat(shown("#message-list .message-theirs .message-meta").getText()).startsWith("Priya");
        browser.waitUpTo(30).until(d -> "".equals(navBadge.getAttribute("textContent"))
                || navBadge.getDomAttribute("hidden") != null);
        textShows("#message-" + questionId + " .message-receipt", "Read ");

        browser.open("plan/history");
        WebElement version2 = shown("#version-2");
        WebElement back = version2.findElement(By.cssSelector(".version-answers"));
        assertThat(back.getText()).isEqualTo("In answer to your message");
        assertThat(back.getAttribute("href")).endsWith("/messages");
        assertThat(version2.getText()).contains("Hold longer, as we agreed in messages");
        browser.js("arguments[0].scrollIntoView({block: 'start'})", version2);
        browser.settle();
        browser.screenshotPhoneAndDesktop("messages-plan-history-answer");

        // Progress asks about a week in a sentence: its links are underlined (axe: link-in-text-block).
        browser.open("progress");
        WebElement thisWeek = shown("#ask-about-this-week");
        assertThat(thisWeek.getCssValue("text-decoration-line")).isEqualTo("underline");
        browser.settle();
        browser.screenshot("messages-progress-ask-phone");

        assertThat(sideways).as("message pages scrolling sideways at 360 px").isEmpty();
        assertThat(smallTargets).as("controls under " + Browser.TAP_TARGET + " px at 360 px").isEmpty();
        assertThat(axe.values()).as("axe-core violations of any impact").allSatisfy(
                result -> assertThat(result.byImpact()).as(result.page()).isEmpty());
    }

    @Test
    void a_message_from_the_physio_appears_on_the_patients_open_page_without_a_reload() {
        // Her own fixture physio: physio 1's caseload stays as the demo clinic has it.
        FreshPatient patient = fixtures.newPatient();
        browser.signIn(patient.email(), Demo.FIXTURE_PASSWORD);
        browser.open("messages");
        shown("#no-messages");
        Object page = browser.js("return window.__sameDocument = {}");
        assertThat(page).isNotNull();

        String text = "Just checking in: how were the stretches this week?";
        long id = fixtures.as(PlanFixtures.PHYSIO, () -> messages.send(patient.id(), text, null));

        browser.waitUpTo(15).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#message-" + id + ".message-theirs .message-body"), text));
        assertThat(browser.js("return !!window.__sameDocument")).as("the page was not reloaded").isEqualTo(true);
        assertThat(browser.driver.findElements(By.id("no-messages"))).isEmpty();
        // Shown on the open page counts as read: the physio's receipt follows.
        browser.waitUpTo(15).until(d -> jdbc.queryForObject("select read_at from message where id = ?",
                java.sql.Timestamp.class, id) != null);
    }
}
