package app.physioportal.e2e;

import app.physioportal.security.AccountService;
import app.physioportal.security.Role;
import app.physioportal.security.SystemTasks;
import app.physioportal.security.Totp;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.PortalTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in journey in real headless Chromium at phone width, for each role. Needs Debian's
 * chromium and chromium-driver (CI installs them); without them these tests are skipped.
 */
@PortalTest
class SignInJourneyTest {

    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    SystemTasks systemTasks;

    @Autowired
    AccountService accounts;

    @BeforeAll
    static void startBrowser() {
        Browser.requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(360, 740));
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

    private void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login");
        var username = waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")));
        username.sendKeys(email);
        driver.findElement(By.cssSelector("input[name='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
    }

    private void assertLandsOn(String path, String name) {
        waitUpTo(30).until(ExpectedConditions.urlContains("/" + path));
        var who = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-name")));
        assertThat(who.getAttribute("textContent")).isEqualTo(name);
    }

    private void signOut() {
        // At phone width the name is hidden but the sign-out button stays in the top bar.
        waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        waitUpTo(30).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-notice"))).getText())
                .contains("signed out");
    }

    @Test
    void a_patient_signs_in_to_today_and_signs_out() {
        signIn(Demo.PATIENT1, Demo.PASSWORD);
        assertLandsOn("today", "Margaret Ellis");
        assertThat(driver.findElement(By.id("today-view")).getText()).contains("Margaret");
        signOut();
        driver.get("http://localhost:" + port + "/today");
        waitUpTo(30).until(ExpectedConditions.urlContains("/login"));
    }

    /** Staff give the code of their authenticator app after the password; nothing else opens before that. */
    private void giveCodeAfterPassword(String email) {
        waitUpTo(30).until(ExpectedConditions.urlContains("/second-factor"));
        driver.get("http://localhost:" + port + "/caseload");
        waitUpTo(30).until(ExpectedConditions.urlContains("/second-factor"));
        var code = waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#factor-code input")));
        code.sendKeys("000000");
        driver.findElement(By.id("factor-continue")).click();
        waitUpTo(10).until(d -> "true".equals(String.valueOf(
                d.findElement(By.id("factor-code")).getDomProperty("invalid"))));
        Browser.giveCode(driver, email);
    }

    @Test
    void a_physio_signs_in_with_password_and_code_to_the_caseload() {
        signIn(Demo.PHYSIO1, Demo.PASSWORD);
        giveCodeAfterPassword(Demo.PHYSIO1);
        assertLandsOn("caseload", "Priya Shah");
        assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("caseload-list"))).getText())
                .contains("Margaret Ellis").doesNotContain("Susan Clarke");
        signOut();
    }

    @Test
    void an_admin_signs_in_with_password_and_code_to_accounts() {
        signIn(Demo.ADMIN, Demo.PASSWORD);
        giveCodeAfterPassword(Demo.ADMIN);
        assertLandsOn("admin/accounts", "Sam Okafor");
        signOut();
    }

    @Test
    void a_new_physio_sets_up_an_authenticator_at_the_first_sign_in_and_sees_recovery_codes_once() {
        String email = "new.physio." + System.nanoTime() + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createStaff(
                new AccountService.NewAccount("Nia Physio", email, Role.PHYSIO, "a-long-enough-password")));
        signIn(email, "a-long-enough-password");
        waitUpTo(30).until(ExpectedConditions.urlContains("/second-factor"));
        String key = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("factor-secret")))
                .getText().replace(" ", "");
        assertThat(driver.findElement(By.cssSelector("#factor-qr img")).getAttribute("src"))
                .startsWith("data:image/svg+xml;base64,");
        driver.findElement(By.cssSelector("#factor-code input"))
                .sendKeys(Totp.codeAt(key, java.time.Instant.now()));
        driver.findElement(By.id("factor-enrol")).click();
        var codes = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
        assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
        driver.findElement(By.id("factor-done")).click();
        assertLandsOn("caseload", "Nia Physio");
        signOut();
    }

    @Test
    void a_wrong_password_keeps_you_at_login_with_a_message() {
        signIn(Demo.PATIENT2, "not-my-password");
        waitUpTo(30).until(ExpectedConditions.urlContains("/login?error"));
        var form = waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        waitUpTo(10).until(d -> "true".equals(String.valueOf(form.getDomProperty("error"))));
    }

    @Test
    void a_new_physio_makes_a_passkey_instead_and_signs_in_with_it_next_time() {
        String email = "passkey.physio." + System.nanoTime() + "@example.org";
        systemTasks.runAs("test", Role.ADMIN, () -> accounts.createStaff(
                new AccountService.NewAccount("Pia Passkey", email, Role.PHYSIO, "a-long-enough-password")));
        HasVirtualAuthenticator authenticators = (HasVirtualAuthenticator) driver;
        VirtualAuthenticator phone = authenticators.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
        try {
            signIn(email, "a-long-enough-password");
            waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("factor-make-passkey"))).click();
            var codes = waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
            assertThat(codes.findElements(By.tagName("li"))).hasSize(10);
            assertThat(phone.getCredentials()).hasSize(1);
            driver.findElement(By.id("factor-done")).click();
            assertLandsOn("caseload", "Pia Passkey");
            signOut();

            signIn(email, "a-long-enough-password");
            waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("factor-passkey"))).click();
            assertLandsOn("caseload", "Pia Passkey");
            signOut();
        } finally {
            authenticators.removeVirtualAuthenticator(phone);
        }
    }
}
