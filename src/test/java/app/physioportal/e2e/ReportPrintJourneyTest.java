package app.physioportal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.physioportal.Demo;
import app.physioportal.DemoIds;
import app.physioportal.PortalTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The printable report in real headless Chromium: signs in, opens the report, prints it to PDF on A4 (Chrome's
 * Page.printToPDF through Selenium) and looks at the result with poppler-utils: pages, the patient's name in the
 * text, and the first page as a PNG (target/report/report-page1.png).
 */
@PortalTest
class ReportPrintJourneyTest extends BrowserTest {

    static final Path OUT = Path.of("target", "report");

    @Autowired
    DemoIds ids;

    @Test
    void a_patient_prints_her_report_to_a_pdf_with_her_name_on_the_first_page() throws Exception {
        browser.signIn(Demo.PATIENT1, Demo.PASSWORD);
        browser.open("report");
        WebElement chart = browser.waitUpTo(60)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("report-cramps-chart")));
        assertThat(browser.drawnPixels(chart)).isPositive();
        browser.settle();
        assertThat(browser.driver.findElements(By.tagName("vaadin-app-layout"))).as("no app shell").isEmpty();
        browser.screenshotPhoneAndDesktop("report");
        assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone").isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        browser.js("document.getElementById('report-figures').scrollIntoView()");
        browser.screenshot("report-figures-phone");

        // As from a desktop browser: the sheet is as wide on screen as on paper.
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
        browser.settle();
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(29.7, 21.0));
        options.setPageMargin(new PageMargin(1.5, 1.5, 1.5, 1.5));
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser.driver).print(options).getContent());
        Files.createDirectories(OUT);
        Path file = OUT.resolve("report.pdf");
        Files.write(file, pdf);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        requirePoppler();
        String info = run("pdfinfo", file.toString());
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
        assertThat(pages.find()).as(info).isTrue();
        int pageCount = Integer.parseInt(pages.group(1));
        Matcher size = Pattern.compile("Page size:\\s+([\\d.]+) x ([\\d.]+) pts").matcher(info);
        assertThat(size.find()).as(info).isTrue();
        System.out.println("Report PDF: " + pageCount + " pages, " + size.group(1) + " x " + size.group(2) + " pt, "
                + pdf.length + " bytes");
        assertThat(pageCount).isGreaterThanOrEqualTo(1);
        assertThat(Double.parseDouble(size.group(1))).as("A4 width in points").isBetween(594.0, 597.0);

        String firstPage = run("pdftotext", "-f", "1", "-l", "1", "-layout", file.toString(), "-");
        assertThat(firstPage).contains("Progress report: Margaret Ellis", "Physiotherapist", "Baseline and now",
                "Cramps per night").doesNotContain("Print or save as PDF");
        String all = run("pdftotext", "-layout", file.toString(), "-");
        assertThat(all).contains("Exercise plan and its versions", "Appointments attended", "Clinical notes");

        run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", file.toString(),
                OUT.resolve("report-page1").toString());
        assertThat(OUT.resolve("report-page1.png")).exists();
        assertThat(Files.size(OUT.resolve("report-page1.png"))).isGreaterThan(10_000);
    }

    @Test
    void the_physio_downloads_the_fhir_bundle_from_the_patient_page_and_opens_the_report() {
        long patient1 = ids.idOf(Demo.PATIENT1);
        browser.usePhoneSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
        browser.signIn(Demo.PHYSIO1, Demo.PASSWORD);
        browser.open("patients/" + patient1);
        WebElement download = browser.waitUpTo(60)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("download-fhir")));
        browser.settle();
        browser.screenshot("report-patient-page-links-phone");
        // The link's own request, with the physio's session: what a click would save as a file.
        String json = (String) ((JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].href).then(r => r.text()).then(done, e => done('failed: ' + e));",
                download);
        assertThat(json).contains("\"resourceType\": \"Bundle\"", "\"type\": \"collection\"", "Margaret Ellis",
                "https://physio-portal.example/fhir/CodeSystem/cramp-diary");

        browser.driver.findElement(By.id("open-report")).click();
        WebElement chart = browser.waitUpTo(60)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("report-cramps-chart")));
        assertThat(browser.drawnPixels(chart)).isPositive();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Progress report: Margaret Ellis");
        browser.settle();
        browser.screenshotPhoneAndDesktop("report-physio");
    }

    /** poppler-utils (apt) reads the PDF; without it the PDF checks are skipped, except under CI where they fail. */
    private static void requirePoppler() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/pdfinfo"))
                && Files.isExecutable(Path.of("/usr/bin/pdftotext")) && Files.isExecutable(Path.of("/usr/bin/pdftoppm"));
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("poppler-utils is not installed (apt-get install poppler-utils)");
        }
        Assumptions.assumeTrue(installed, "poppler-utils is not installed");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + text).isZero();
        return text;
    }
}
