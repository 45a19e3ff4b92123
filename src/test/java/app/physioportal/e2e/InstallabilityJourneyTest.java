package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Application;
import app.physioportal.Demo;
import app.physioportal.PortalTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * Real Chromium decides whether the portal can be installed: on the sign-in page, once the service worker is
 * registered and in control, Chromium's own installability check (DevTools' Page.getInstallabilityErrors, the
 * check behind the install button) reports no error. With the network cut, a page of the portal shows the
 * offline page the worker keeps, and "Try again" brings the portal back once the network is there. After a
 * patient's signed-in pages, the worker still keeps only the offline page and the icons, so offline shows no stale
 * copy of anyone's page.
 */
@PortalTest
class InstallabilityJourneyTest extends BrowserTest {

    private ChromiumDriver chromium() {
        return (ChromiumDriver) browser.driver;
    }

    /** Opens the sign-in page signed out and waits until the service worker is active and controls the page. */
    private void openSignInWithTheWorkerInControl() {
        browser.driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        Object scope = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => done(r.scope), e => done('not ready: ' + e));""");
        assertThat(scope).as("the service worker's scope").isEqualTo(browser.url(""));
        // ready resolves when a worker is active; clients.claim() then makes it this page's controller.
        browser.waitUpTo(30).until(d -> Boolean.TRUE.equals(browser.js("return !!navigator.serviceWorker.controller")));
        assertThat(browser.js("return navigator.serviceWorker.controller.scriptURL"))
                .isEqualTo(browser.url("service-worker.js"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void chromium_finds_nothing_standing_in_the_way_of_installing_the_portal() {
        openSignInWithTheWorkerInControl();

        Map<String, Object> installability = chromium().executeCdpCommand("Page.getInstallabilityErrors", Map.of());
        System.out.println("Page.getInstallabilityErrors: " + installability);
        assertThat((List<Object>) installability.get("installabilityErrors")).as("installability errors").isEmpty();

        Map<String, Object> manifest = chromium().executeCdpCommand("Page.getAppManifest", Map.of());
        System.out.println("Page.getAppManifest: url=" + manifest.get("url") + " errors=" + manifest.get("errors"));
        assertThat(manifest.get("url")).isEqualTo(browser.url("manifest.webmanifest"));
        assertThat((List<Object>) manifest.get("errors")).as("manifest parse errors").isEmpty();
        assertThat(String.valueOf(manifest.get("data"))).contains("\"name\": \"Physio Portal\"");

        assertThat(browser.cspViolations()).as("the worker and the manifest load under the policy").isEmpty();
        browser.screenshot("installable-login-phone");
    }

    @Test
    void with_the_network_gone_a_page_shows_the_offline_page_and_try_again_brings_the_portal_back() throws Exception {
        openSignInWithTheWorkerInControl();
        withTheNetworkGone(() -> {
            browser.driver.navigate().refresh();
            assertTheOfflinePageShows();
            assertThat(browser.driver.getCurrentUrl()).as("the address stays the page asked for")
                    .isEqualTo(browser.url("login"));
            assertThat(browser.smallTapTargets("a")).isEmpty();
            assertThat(browser.scrollsSideways()).isFalse();
            assertThat(browser.seriousViolations("offline page")).isEmpty();
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("offline-phone");
        });
        browser.driver.findElement(By.id("offline-try-again")).click();
        browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        assertThat(browser.driver.getCurrentUrl()).as("signed out, the start page asks for sign-in")
                .isEqualTo(browser.url("login"));
    }

    @Test
    void a_signed_in_patients_pages_are_never_kept_so_offline_shows_no_stale_copy_of_them() throws Exception {
        openSignInWithTheWorkerInControl();
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        browser.open("diary");
        browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("diary-view")));
        browser.settle();
        assertThat(keptPaths()).as("all the worker keeps, after signed-in pages and their server round trips")
                .containsExactlyInAnyOrder("/offline.html", "/favicon.ico", "/favicon.svg", "/icons/icon-192.png",
                        "/icons/icon-512.png", "/icons/icon-maskable-512.png", "/icons/apple-touch-icon.png");
        withTheNetworkGone(() -> {
            browser.open("today");
            assertTheOfflinePageShows();
            assertThat(browser.visibleText()).doesNotContain("Margaret");
        });
    }

    private void assertTheOfflinePageShows() {
        var heading = browser.waitUpTo(30).withMessage(() -> "the page shows: " + browser.visibleText())
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("offline-heading")));
        assertThat(heading.getText()).isEqualTo("You're offline.");
        assertThat(browser.visibleText()).contains("Your diary and plan need a connection; reconnect and try again.");
    }

    /** The paths of every response in every cache of this origin. */
    @SuppressWarnings("unchecked")
    private List<String> keptPaths() {
        return (List<String>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                caches.keys()
                    .then(names => Promise.all(names.map(name => caches.open(name).then(cache => cache.keys()))))
                    .then(lists => done(lists.flat().map(request => new URL(request.url).pathname)),
                          e => done(['failed: ' + e]));""");
    }

    /** What a test does offline; the network comes back afterwards, whatever happens. */
    private interface Offline {
        void run() throws Exception;
    }

    /**
     * Offline as DevTools' "Offline" box makes it: for the page and for its service worker, whose fetch() is its
     * own request (Selenium's CDP command reaches the page only, so the worker gets a DevTools session of its own).
     */
    private void withTheNetworkGone(Offline test) throws Exception {
        try (DevToolsSocket devTools = DevToolsSocket.connect(chromium())) {
            String worker = serviceWorkerSession(devTools);
            try {
                offline(devTools, worker, true);
                test.run();
            } finally {
                offline(devTools, worker, false);
            }
        }
    }

    /** Attaches to the portal's running service worker and returns the DevTools session for it. */
    private String serviceWorkerSession(DevToolsSocket devTools) throws Exception {
        String workerUrl = browser.url("service-worker.js");
        String targetId = null;
        for (JsonNode target : devTools.send(null, "Target.getTargets", Map.of()).path("targetInfos")) {
            if ("service_worker".equals(target.path("type").asString())
                    && workerUrl.equals(target.path("url").asString())) {
                targetId = target.path("targetId").asString();
            }
        }
        assertThat(targetId).as("the service worker's DevTools target").isNotNull();
        return devTools.send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .path("sessionId").asString();
    }

    private void offline(DevToolsSocket devTools, String workerSession, boolean offline) throws Exception {
        Map<String, Object> conditions = Map.of("offline", offline, "latency", 0, "downloadThroughput", -1,
                "uploadThroughput", -1);
        chromium().executeCdpCommand("Network.enable", Map.of());
        chromium().executeCdpCommand("Network.emulateNetworkConditions", conditions);
        devTools.send(workerSession, "Network.enable", Map.of());
        devTools.send(workerSession, "Network.emulateNetworkConditions", conditions);
    }

    @Test
    void a_scheme_chosen_with_the_toggle_colours_the_browser_bar_from_the_first_paint() {
        browser.driver.manage().deleteAllCookies();
        browser.open("login");
        browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        assertThat(themeColours()).as("no choice: one colour per device scheme").containsOnly(
                Map.entry("(prefers-color-scheme: light)", Application.THEME_COLOUR_LIGHT),
                Map.entry("(prefers-color-scheme: dark)", Application.THEME_COLOUR_DARK));
        browser.js("localStorage.setItem('physio-theme', 'dark')");
        try {
            browser.driver.navigate().refresh();
            browser.waitUpTo(60)
                    .until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
            assertThat(themeColours()).as("dark chosen on a light phone").containsOnly(
                    Map.entry("(prefers-color-scheme: light)", Application.THEME_COLOUR_DARK),
                    Map.entry("(prefers-color-scheme: dark)", Application.THEME_COLOUR_DARK));
        } finally {
            browser.js("localStorage.removeItem('physio-theme')");
        }
    }

    /** The page's theme-color metas as they are now: media query to colour. */
    @SuppressWarnings("unchecked")
    private Map<String, String> themeColours() {
        return (Map<String, String>) browser.js("return Object.fromEntries([...document.querySelectorAll("
                + "'meta[name=\"theme-color\"]')].map(m => [m.media, m.content]))");
    }
}
