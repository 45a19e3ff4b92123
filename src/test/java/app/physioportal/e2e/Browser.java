package app.physioportal.e2e;

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

    final WebDriver driver;
    private final int port;

    private Browser(WebDriver driver, int port) {
        this.driver = driver;
        this.port = port;
    }

    /** Starts Chromium at phone size, or skips (fails under CI=true) when it is not installed. */
    static Browser start(int port) {
        return new Browser(newPhoneDriver(), port);
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
        return driver;
    }

    /** Signs in through the login form and waits until the signed-in layout shows the person's name. */
    static void signIn(WebDriver driver, int port, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(email);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
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
        return "http://localhost:" + port + "/" + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String email, String password) {
        signIn(driver, port, email, password);
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
        driver.manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
        settle();
    }

    /** Runs axe-core (WCAG 2.1 A/AA rules) and returns the serious and critical violations, printed for the log. */
    List<String> seriousViolations(String page) {
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
        return serious;
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
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && r.right > limit + 1) {
                    out.push(e.localName + (e.id ? '#' + e.id : '')
                        + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : '')
                        + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 8).join(' | ');"""));
    }
}
