package app.physioportal.e2e;

import app.physioportal.PortalTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One Chromium per test class at phone width, started on first use and closed after the class. */
@PortalTest
abstract class BrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start(port);
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }
}
