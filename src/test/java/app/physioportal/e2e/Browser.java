package app.physioportal.e2e;

import app.physioportal.Demo;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the journey and accessibility tests: sign-in, screenshots under
 * {@code target/screenshots/}, and axe-core scans. Without chromium and chromium-driver the tests are
 * skipped, except under {@code CI=true}, where a missing browser fails the build.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final int PHONE_WIDTH = 360;
    static final int PHONE_HEIGHT = 740;
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The smallest tap target we accept, in CSS pixels (WCAG 2.5.5, and what older fingers need). */
    static final int TAP_TARGET = 44;

    final WebDriver driver;
    private final String baseUrl;
    private Dimension phone = new Dimension(PHONE_WIDTH, PHONE_HEIGHT);

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Starts Chromium at phone size, or skips (fails under CI=true) when it is not installed. */
    static Browser start(int port) {
        return start("http://localhost:" + port);
    }

    /** The same against any running portal, e.g. the production jar (http://localhost:8080). */
    static Browser start(String baseUrl) {
        return new Browser(newPhoneDriver(), baseUrl);
    }

    /**
     * Makes the page's viewport (window.innerWidth x innerHeight) this size, the size a phone shows the page
     * at; headless Chromium's window is larger than its viewport. Desktop screenshots return to it.
     */
    void usePhoneSize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) js("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js("return window.innerHeight")).longValue();
        phone = new Dimension(width + (int) (width - innerWidth), height + (int) (height - innerHeight));
        driver.manage().window().setSize(phone);
    }

    /** Headless Chromium at 360 px wide, with the flags this machine's closed network needs. */
    static WebDriver newPhoneDriver() {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(SignInJourneyTest.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage");
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(SignInJourneyTest.CHROMEDRIVER.toFile()).build(), options);
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        // Every page records what its Content-Security-Policy blocked, from the first byte on.
        ((ChromeDriver) driver).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__cspViolations = [];"
                        + "document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push("
                        + "e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile"
                        + " + ':' + e.lineNumber));"));
        return driver;
    }

    /** What the Content-Security-Policy blocked on the page shown now (empty when nothing was). */
    @SuppressWarnings("unchecked")
    List<String> cspViolations() {
        Object found = js("return window.__cspViolations || []");
        return found instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** Signs in through the login form and waits until the signed-in layout shows the person's name. */
    static void signIn(WebDriver driver, String baseUrl, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(email);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")),
                ExpectedConditions.presenceOfElementLocated(By.id("factor-code"))));
        if (!driver.findElements(By.id("factor-code")).isEmpty()) {
            giveCode(driver, email);
        }
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
    }

    /** Staff's second step: the demo authenticator's code, as a person types it from their phone. */
    static void giveCode(WebDriver driver, String email) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#factor-code input")))
                .sendKeys(Demo.code(email));
        driver.findElement(By.id("factor-continue")).click();
    }

    /** The one place deciding skip-or-fail when the browser is missing. */
    static void requireChromium() {
        boolean installed = Files.isExecutable(SignInJourneyTest.CHROMEDRIVER)
                && Files.isExecutable(SignInJourneyTest.CHROMIUM);
        String message = "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + ": the real-browser tests must run under CI=true");
        }
        Assumptions.assumeTrue(installed, message);
    }

    void quit() {
        driver.quit();
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String url(String path) {
        return baseUrl + "/" + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String email, String password) {
        signIn(driver, baseUrl, email, password);
    }

    /** Waits until Vaadin has no pending server round trip, so the page shows its final content. */
    void settle() {
        waitUpTo(30).until(d -> Boolean.TRUE.equals(js(
                "return !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** Scrolls the page (and the app layout's content area) back to the top. */
    void toTop() {
        js("window.scrollTo(0, 0); document.querySelectorAll('vaadin-app-layout').forEach(l => {"
                + " const c = l.shadowRoot && l.shadowRoot.querySelector('[part~=\"content\"]'); if (c) c.scrollTop = 0; });");
    }

    /** Saves a full-page-height screenshot as target/screenshots/{name}.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Also a desktop-width screenshot, then back to phone size. */
    void screenshotPhoneAndDesktop(String name) {
        screenshot(name + "-phone");
        driver.manage().window().setSize(new Dimension(1280, 800));
        settle();
        screenshot(name + "-desktop");
        driver.manage().window().setSize(phone);
        settle();
    }

    /** What axe-core found on one page: violated rules counted by impact, and the serious or critical ones. */
    record AxeResult(String page, Map<String, Long> byImpact, List<String> serious) {
    }

    /** Runs axe-core (WCAG 2.1 A/AA rules) and returns the serious and critical violations, printed for the log. */
    List<String> seriousViolations(String page) {
        return axe(page).serious();
    }

    /** Runs axe-core (WCAG 2.1 A/AA rules); prints the count by impact and the serious or critical rules. */
    AxeResult axe(String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        assertThat(results.isErrored()).as("axe ran on " + page + ": " + results.getErrorMessage()).isFalse();
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
        Map<String, Long> byImpact = results.getViolations().stream()
                .collect(Collectors.groupingBy(rule -> String.valueOf(rule.getImpact()), Collectors.counting()));
        System.out.println("AXE " + page + ": " + results.getViolations().size() + " violated rules " + byImpact
                + (serious.isEmpty() ? "" : " -> " + serious));
        return new AxeResult(page, byImpact, serious);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .limit(3).map(Browser::describe).collect(Collectors.joining(", "));
    }

    private static String describe(CheckedNode node) {
        String html = String.valueOf(node.getHtml());
        return node.getTarget() + " " + (html.length() > 160 ? html.substring(0, 160) + "…" : html) + " ["
                + String.valueOf(node.getFailureSummary()).replace('\n', ' ') + "]";
    }

    /**
     * Whether the page scrolls sideways (it must not at phone width): the document, or the app layout's
     * content area, which is the scrolling element of every signed-in page.
     */
    boolean scrollsSideways() {
        return Boolean.TRUE.equals(js("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                return document.scrollingElement.scrollWidth > window.innerWidth
                    || (!!content && content.scrollWidth > content.clientWidth + 1);"""));
    }

    /** The elements sticking out on the right, to say what makes a page scroll sideways. */
    String sidewaysOffenders() {
        return String.valueOf(js("""
                const out = [];
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                const limit = content ? content.getBoundingClientRect().left + content.clientWidth : window.innerWidth;
                for (const e of document.querySelectorAll('body *')) {
                  // The navbar and drawer sit outside the scrolling content area; status overlays are fixed.
                  if (content && (e.closest('[slot~="navbar"], [slot~="drawer"]') || e.contains(layout)
                      || getComputedStyle(e).position === 'fixed')) continue;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > limit + 1) {
                    out.push(e.localName + (e.id ? '#' + e.id : '')
                        + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '')
                        + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 12).join(' | ');"""));
    }

    /** The page as the person reads it: title and visible text. */
    String visibleText() {
        return String.valueOf(js("return document.title + '\\n' + document.body.innerText"));
    }

    /**
     * The visible elements matching the selector that are smaller than {@link #TAP_TARGET} in either
     * direction, as "id-or-tag WxH" (measured with getBoundingClientRect, in CSS pixels).
     */
    List<String> smallTapTargets(String selector) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js("""
                const out = [];
                for (const e of document.querySelectorAll(arguments[0])) {
                  const r = e.getBoundingClientRect();
                  const style = getComputedStyle(e);
                  if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
                  if (Math.round(r.width) < arguments[1] || Math.round(r.height) < arguments[1]) {
                    const text = (e.innerText || e.getAttribute('aria-label') || '').trim().slice(0, 30);
                    out.push((e.id ? '#' + e.id : e.localName) + (text ? ' "' + text + '"' : '') + ' '
                        + Math.round(r.width) + 'x' + Math.round(r.height));
                  }
                }
                return out;""", selector, TAP_TARGET);
        return small;
    }

    /** How many elements match the selector and are shown, to be sure a tap-target check measured something. */
    long shownCount(String selector) {
        return ((Number) js("return [...document.querySelectorAll(arguments[0])].filter(e => {"
                + " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length", selector))
                .longValue();
    }

    /** Whether the element is shown and wholly inside the viewport, so a thumb can reach it without scrolling. */
    boolean inViewport(String selector) {
        return Boolean.TRUE.equals(js("""
                const e = document.querySelector(arguments[0]);
                if (!e) return false;
                const r = e.getBoundingClientRect();
                const style = getComputedStyle(e);
                return r.width > 0 && r.height > 0 && style.visibility !== 'hidden'
                    && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;""",
                selector));
    }

    /** Scrolls the page (and the app layout's content area) to the bottom, as a long page read to its end. */
    void toBottom() {
        js("window.scrollTo(0, document.scrollingElement.scrollHeight); document.querySelectorAll('vaadin-app-layout')"
                + ".forEach(l => { const c = l.shadowRoot && l.shadowRoot.querySelector('[part~=\"content\"]');"
                + " if (c) c.scrollTop = c.scrollHeight; });");
    }

    /**
     * Waits until the {@code <physio-chart>} has its Chart.js instance and returns how many pixels of its
     * canvas are painted (not fully transparent): more than a few hundred means bars or lines were drawn.
     */
    long drawnPixels(org.openqa.selenium.WebElement chart) {
        waitUpTo(30).until(d -> Boolean.TRUE.equals(js(
                "return !!arguments[0].chart && arguments[0].querySelector('canvas').width > 0", chart)));
        return ((Number) js("""
                const canvas = arguments[0].querySelector('canvas');
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) { if (data[i] > 0) painted++; }
                return painted;""", chart)).longValue();
    }

    /** Chooses the colour scheme as the toggle does ("light", "dark" or "auto") and waits for it to apply. */
    void colourScheme(String choice) {
        js("window.physioTheme.set(arguments[0])", choice);
        settle();
    }
}
